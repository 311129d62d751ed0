package io.konet.core.push;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.konet.core.KonetException;
import io.konet.core.UserText;
import io.konet.core.image.Json;
import io.konet.core.image.ManifestFamily;
import io.konet.core.registry.BlobContent;
import io.konet.core.registry.Sha256;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
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
  private final Path target;
  private final Path staging;
  private final ArrayNode references = Json.object().arrayNode();
  private boolean committed;

  private OciLayoutTarget(Path directory, Path target, Path staging) {
    this.directory = directory;
    this.target = target;
    this.staging = staging;
  }

  /**
   * Refuses, before a build starts, an output directory {@link #create} could not fill: one that
   * is not a directory, is not empty, or cannot be made. Reads only.
   */
  public static void checkUsable(Path directory) throws KonetException {
    try {
      usable(directory.toAbsolutePath().normalize());
    } catch (InvalidPathException e) {
      throw notAPath(directory.toString(), e);
    }
  }

  /** {@link #checkUsable(Path)} for a path as the user typed it; returns it as a path. */
  public static Path checkUsable(String directory) throws KonetException {
    Path path;
    try {
      path = Path.of(directory);
    } catch (InvalidPathException e) {
      throw notAPath(directory, e);
    }
    checkUsable(path);
    return path;
  }

  /**
   * Prepares to write {@code directory}, which must not exist or be empty; a link to a directory
   * is written through and stays a link.
   */
  public static OciLayoutTarget create(Path directory) throws KonetException {
    Path absolute = directory.toAbsolutePath().normalize();
    Path target = usable(absolute);
    Path staging = null;
    try {
      Files.createDirectories(target.getParent());
      staging = OutputPaths.createHiddenSibling(target, true);
      Files.createDirectories(staging.resolve("blobs").resolve("sha256"));
      Files.writeString(
          staging.resolve("oci-layout"), "{\"imageLayoutVersion\":\"1.0.0\"}",
          StandardCharsets.UTF_8);
      return new OciLayoutTarget(absolute, target, staging);
    } catch (IOException e) {
      if (staging != null) {
        deleteTree(staging);
      }
      throw cannotWrite(absolute, e);
    }
  }

  /** Where the layout of {@code absolute} goes once links are followed; checks it may go there. */
  private static Path usable(Path absolute) throws KonetException {
    try {
      BasicFileAttributes found = OutputPaths.inspect(absolute, failure(absolute));
      if (found != null && !found.isDirectory()) {
        throw new KonetException("Output directory " + OutputPaths.shown(absolute)
            + " exists and is not a directory; name a new or empty one.");
      }
      Path target = OutputPaths.located(absolute);
      if (found != null && !isEmpty(target)) {
        throw new KonetException("Output directory " + OutputPaths.shown(absolute)
            + " is not empty; name a new or empty one.");
      }
      return target;
    } catch (IOException e) {
      throw cannotWrite(absolute, e);
    }
  }

  private static boolean isEmpty(Path directory) throws IOException {
    try (Stream<Path> children = Files.list(directory)) {
      return children.findAny().isEmpty();
    }
  }

  private static String failure(Path directory) {
    return "Cannot write the OCI layout " + OutputPaths.shown(directory);
  }

  private static KonetException cannotWrite(Path directory, IOException e) {
    return new KonetException(
        failure(directory) + ": " + OutputPaths.reason(e, directory) + ".", e);
  }

  private static KonetException notAPath(String directory, InvalidPathException e) {
    return new KonetException("Output directory '"
        + UserText.shown(directory, OutputPaths.PATH_LENGTH) + "' is not a valid path.", e);
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
    Path blob = blobPath(digest);
    if (Files.exists(blob)) {
      return true;
    }
    try {
      Path temporary = OutputPaths.createHiddenSibling(blob, false);
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
      Files.move(temporary, blob, StandardCopyOption.REPLACE_EXISTING);
      return false;
    } catch (IOException e) {
      throw new KonetException(
          "Writing blob " + digest + " failed: " + OutputPaths.reason(e, blob) + ".", e);
    } catch (java.security.NoSuchAlgorithmException e) {
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
      if (Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
        OutputPaths.copyAccess(target, staging);
      }
      moveIntoPlace();
      committed = true;
    } catch (IOException e) {
      if (Files.isDirectory(target) && !isEmptyQuietly(target)) {
        throw new KonetException("Output directory " + OutputPaths.shown(directory)
            + " was filled by someone else during the build.", e);
      }
      throw cannotWrite(directory, e);
    }
  }

  private void moveIntoPlace() throws IOException {
    try {
      // rename(2) replaces an empty directory in one step, keeping nothing half-written in view.
      Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      if (Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
        Files.delete(target);
      }
      Files.move(staging, target);
    }
  }

  private static boolean isEmptyQuietly(Path directory) {
    try {
      return isEmpty(directory);
    } catch (IOException e) {
      return false;
    }
  }

  @Override
  public void close() {
    if (committed) {
      return;
    }
    deleteTree(staging);
  }

  private static void deleteTree(Path root) {
    try (Stream<Path> walk = Files.walk(root)) {
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
