package io.konet.core.push;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.konet.core.KonetException;
import io.konet.core.image.Json;
import io.konet.core.image.ManifestFamily;
import io.konet.core.registry.BlobContent;
import io.konet.core.registry.Sha256;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.function.LongConsumer;
import java.util.stream.Stream;

/**
 * Writes images as an OCI image layout directory instead of pushing them. The layout is built in
 * a sibling directory and moved into place only when complete, so a failed build leaves nothing.
 */
public final class OciLayoutTarget implements ImageTarget {

  private static final String REF_NAME = "org.opencontainers.image.ref.name";

  private final Path directory;
  private final Path staging;
  private final ArrayNode references = Json.object().arrayNode();
  private boolean committed;

  private OciLayoutTarget(Path directory, Path staging) {
    this.directory = directory;
    this.staging = staging;
  }

  /** Prepares to write {@code directory}, which must not exist or be empty. */
  public static OciLayoutTarget create(Path directory) throws KonetException {
    Path absolute = directory.toAbsolutePath().normalize();
    try {
      if (Files.exists(absolute)) {
        try (Stream<Path> children = Files.list(absolute)) {
          if (children.findAny().isPresent()) {
            throw new KonetException(
                "Output directory " + absolute + " is not empty; name a new or empty one.");
          }
        }
      }
      Path parent = absolute.getParent();
      Files.createDirectories(parent);
      Path staging = Files.createTempDirectory(parent, "." + absolute.getFileName() + ".");
      Files.createDirectories(staging.resolve("blobs").resolve("sha256"));
      Files.writeString(
          staging.resolve("oci-layout"), "{\"imageLayoutVersion\":\"1.0.0\"}",
          StandardCharsets.UTF_8);
      return new OciLayoutTarget(absolute, staging);
    } catch (IOException e) {
      throw new KonetException("Cannot write the OCI layout " + absolute + ": " + e.getMessage(),
          e);
    }
  }

  @Override
  public ManifestFamily requiredFamily() {
    return ManifestFamily.OCI;
  }

  @Override
  public String describe() {
    return "OCI layout " + directory;
  }

  private Path blobPath(String digest) {
    return staging.resolve("blobs").resolve("sha256").resolve(digest.substring("sha256:".length()));
  }

  @Override
  public boolean hasBlob(String digest) {
    return Files.exists(blobPath(digest));
  }

  @Override
  public boolean canMountFrom(String registry) {
    return false;
  }

  @Override
  public synchronized boolean putBlob(
      String digest, long size, BlobContent content, String mountFrom, LongConsumer bytesSent)
      throws KonetException {
    Path target = blobPath(digest);
    if (Files.exists(target)) {
      return true;
    }
    try {
      Path temporary = Files.createTempFile(staging, "blob", ".partial");
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      try (OutputStream out = new DigestOutputStream(Files.newOutputStream(temporary), sha256)) {
        content.writeTo(
            new java.io.FilterOutputStream(out) {
              @Override
              public void write(byte[] data, int offset, int length) throws IOException {
                out.write(data, offset, length);
                bytesSent.accept(length);
              }
            });
      }
      String written = "sha256:" + HexFormat.of().formatHex(sha256.digest());
      if (!written.equals(digest)) {
        Files.delete(temporary);
        throw new KonetException(
            "Blob " + digest + " arrived with different content (" + written + ").");
      }
      Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
      return false;
    } catch (IOException | java.security.NoSuchAlgorithmException e) {
      throw new KonetException("Writing blob " + digest + " failed: " + e.getMessage(), e);
    }
  }

  @Override
  public void putManifest(byte[] body, String mediaType, String digest) throws KonetException {
    putBlob(digest, body.length, out -> out.write(body), null, count -> {});
  }

  @Override
  public synchronized void tag(byte[] body, String mediaType, String tag) throws KonetException {
    String digest = Sha256.digest(body);
    putBlob(digest, body.length, out -> out.write(body), null, count -> {});
    ObjectNode reference = references.addObject();
    reference.put("mediaType", mediaType);
    reference.put("digest", digest);
    reference.put("size", body.length);
    reference.putObject("annotations").put(REF_NAME, tag);
  }

  @Override
  public synchronized void commit() throws KonetException {
    ObjectNode index = Json.object();
    index.put("schemaVersion", 2);
    index.put("mediaType", "application/vnd.oci.image.index.v1+json");
    index.set("manifests", references);
    try {
      Files.write(staging.resolve("index.json"), Json.bytes(index));
      if (Files.exists(directory)) {
        Files.delete(directory);
      }
      try {
        Files.move(staging, directory, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(staging, directory);
      }
      committed = true;
    } catch (DirectoryNotEmptyException | FileAlreadyExistsException e) {
      throw new KonetException(
          "Output directory " + directory + " was filled by someone else during the build.", e);
    } catch (IOException e) {
      throw new KonetException("Cannot write the OCI layout " + directory + ": " + e.getMessage(),
          e);
    }
  }

  @Override
  public void close() {
    if (committed) {
      return;
    }
    try (Stream<Path> walk = Files.walk(staging)) {
      walk.sorted(Comparator.reverseOrder()).forEach(OciLayoutTarget::deleteQuietly);
    } catch (IOException | UncheckedIOException e) {
      // Nothing more can be done; the staging directory is hidden and named after the output.
    }
  }

  private static void deleteQuietly(Path path) {
    try {
      Files.deleteIfExists(path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
