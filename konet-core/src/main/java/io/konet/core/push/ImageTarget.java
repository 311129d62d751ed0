package io.konet.core.push;

import io.konet.core.KonetException;
import io.konet.core.image.ManifestFamily;
import io.konet.core.registry.BlobContent;
import java.util.function.LongConsumer;

/** Where built images go: a registry repository, or an OCI image layout on disk. */
public interface ImageTarget extends AutoCloseable {

  /** The media type family every manifest must use here, or null to follow each base image. */
  default ManifestFamily requiredFamily() {
    return null;
  }

  /** For log lines: {@code registry.example.com/shop/api}, {@code OCI layout /tmp/out}. */
  String describe();

  boolean hasBlob(String digest) throws KonetException;

  /** Whether blobs can be linked from {@code registry} instead of copied. */
  boolean canMountFrom(String registry);

  /**
   * Stores a blob unless the target has it; {@code mountFrom} names a repository of the same
   * registry to link it from, or is null.
   *
   * @return true when no bytes were sent (the blob was there or was mounted)
   */
  boolean putBlob(
      String digest, long size, BlobContent content, String mountFrom, LongConsumer bytesSent)
      throws KonetException;

  /** Stores a platform manifest, addressed by its digest. */
  void putManifest(byte[] body, String mediaType, String digest) throws KonetException;

  /** Points {@code tag} at a manifest or index; called only once every image is complete. */
  void tag(byte[] body, String mediaType, String tag) throws KonetException;

  /** Makes everything tagged visible (an OCI layout moves into place); a registry has no-op. */
  default void commit() throws KonetException {}

  /** Releases resources; if {@link #commit()} was not reached, removes what was written. */
  @Override
  default void close() {}
}
