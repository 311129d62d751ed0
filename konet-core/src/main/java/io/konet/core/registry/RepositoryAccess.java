package io.konet.core.registry;

import com.google.cloud.tools.jib.api.DescriptorDigest;
import com.google.cloud.tools.jib.blob.Blobs;
import com.google.cloud.tools.jib.registry.RegistryClient;
import io.konet.core.KonetException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.security.DigestException;
import java.util.Optional;
import java.util.function.LongConsumer;

/**
 * Authenticated access to one repository of one registry: blobs through Jib's registry client,
 * manifests through {@link ManifestReader} and Jib's manifest pusher.
 */
public final class RepositoryAccess {

  /** Digest of empty content: asking for it tells whether access works, without side effects. */
  private static final String EMPTY_DIGEST =
      "sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

  private final String registry;
  private final String repository;
  private final RegistryClient client;
  private final ManifestReader manifests;
  private final Optional<RegistryCredential> credential;

  RepositoryAccess(
      String registry,
      String repository,
      RegistryClient client,
      ManifestReader manifests,
      Optional<RegistryCredential> credential) {
    this.registry = registry;
    this.repository = repository;
    this.client = client;
    this.manifests = manifests;
    this.credential = credential;
  }

  public String registry() {
    return registry;
  }

  public String repository() {
    return repository;
  }

  /** Fails now, with a clear reason, when the registry cannot be reached or refuses access. */
  public void verifyAccess() throws KonetException {
    try {
      client.checkBlob(parseDigest(EMPTY_DIGEST));
    } catch (Exception e) {
      throw failure(e, "logging in to " + repository);
    }
  }

  /** Reads a manifest or index by tag or digest; empty when the registry has none. */
  public Optional<RawManifest> manifest(String reference) throws KonetException {
    return manifests.fetch(reference);
  }

  public boolean hasBlob(String digest) throws KonetException {
    try {
      return client.checkBlob(parseDigest(digest)).isPresent();
    } catch (Exception e) {
      throw failure(e, "checking blob " + digest);
    }
  }

  /**
   * Uploads a blob unless the registry has it; with {@code mountFrom}, asks the registry to link
   * it from that repository of the same registry first.
   *
   * @return true when nothing was uploaded (the registry had or mounted the blob)
   */
  public boolean pushBlob(
      String digest, BlobContent content, String mountFrom, LongConsumer bytesSent)
      throws KonetException {
    try {
      return client.pushBlob(
          parseDigest(digest),
          Blobs.from(content::writeTo, true),
          mountFrom,
          bytesSent::accept);
    } catch (Exception e) {
      throw failure(e, "pushing blob " + digest);
    }
  }

  /** Streams a blob into {@code out}; the digest is checked as the bytes pass. */
  public void pullBlob(String digest, OutputStream out, LongConsumer bytesReceived)
      throws KonetException {
    try {
      client.pullBlob(parseDigest(digest), size -> {}, bytesReceived::accept).writeTo(out);
    } catch (Exception e) {
      throw failure(e, "reading blob " + digest);
    }
  }

  /** Reads a small blob, such as an image config, refusing one larger than {@code limit}. */
  public byte[] pullSmallBlob(String digest, int limit) throws KonetException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    OutputStream bounded =
        new OutputStream() {
          @Override
          public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
          }

          @Override
          public void write(byte[] data, int offset, int length) throws IOException {
            if (bytes.size() + length > limit) {
              throw new IOException(
                  "blob " + digest + " is larger than " + limit / 1024 + " KiB; refusing it");
            }
            bytes.write(data, offset, length);
          }
        };
    pullBlob(digest, bounded, count -> {});
    return bytes.toByteArray();
  }

  /** Pushes a manifest or index under {@code reference} (a tag, or its own digest). */
  public String pushManifest(byte[] body, String mediaType, String reference)
      throws KonetException {
    try {
      String pushed =
          client.pushManifest(new RawManifestTemplate(body, mediaType), reference).toString();
      String expected = Sha256.digest(body);
      if (!pushed.equals(expected)) {
        throw new KonetException(
            "Pushing " + repository + ":" + reference + " gave digest " + pushed + " where "
                + expected + " was expected.");
      }
      return pushed;
    } catch (KonetException e) {
      throw e;
    } catch (Exception e) {
      throw failure(e, "pushing manifest " + repository + ":" + reference);
    }
  }

  private KonetException failure(Exception e, String action) {
    return RegistryFailures.explain(e, registry, repository, action, credential);
  }

  private static DescriptorDigest parseDigest(String digest) throws KonetException {
    try {
      return DescriptorDigest.fromDigest(digest);
    } catch (DigestException e) {
      throw new KonetException("'" + digest + "' is not a sha256 digest.", e);
    }
  }
}
