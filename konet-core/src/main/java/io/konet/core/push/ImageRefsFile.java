package io.konet.core.push;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.konet.core.KonetException;
import io.konet.core.image.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Writes what a build pushed as JSON, for later pipeline steps (deploy by digest, sign, scan):
 * the index digest and tags, and every platform's digest and pinned reference.
 */
public final class ImageRefsFile {

  private ImageRefsFile() {}

  public static ObjectNode toJson(PushResult result) {
    ObjectNode json = Json.object();
    json.put("repository", result.repository());
    ArrayNode tags = json.putArray("tags");
    result.tags().forEach(tags::add);
    json.put("digest", result.indexDigest());
    json.put("mediaType", result.indexMediaType());
    json.put("reference", result.repository() + "@" + result.indexDigest());
    ArrayNode platforms = json.putArray("platforms");
    for (PushResult.PlatformResult platform : result.platforms()) {
      ObjectNode entry = platforms.addObject();
      entry.put("platform", platform.platform());
      entry.put("digest", platform.digest());
      entry.put("reference", result.repository() + "@" + platform.digest());
      if (platform.tag() != null) {
        entry.put("tag", platform.tag());
      }
    }
    return json;
  }

  /**
   * Refuses, before a build starts, a path {@link #write} could not write: a directory, or one
   * whose nearest existing parent is not a directory or takes no new files. Reads only.
   */
  public static void checkWritable(Path file) throws KonetException {
    Path absolute = file.toAbsolutePath();
    try {
      BasicFileAttributes found = inspect(absolute);
      if (found != null && !found.isRegularFile() && !Files.isWritable(absolute)) {
        throw new KonetException(failure(absolute) + ": permission denied.");
      }
    } catch (IOException e) {
      throw cannotWrite(absolute, e);
    }
  }

  /**
   * Writes the file whole or not at all, through links, keeping the permissions of the file it
   * replaces. A device or a pipe is written to in place, as a shell redirection would.
   */
  public static void write(PushResult result, Path file) throws KonetException {
    Path absolute = file.toAbsolutePath();
    byte[] body = Json.bytes(toJson(result));
    try {
      BasicFileAttributes found = inspect(absolute);
      if (found != null && !found.isRegularFile()) {
        try (OutputStream out = Files.newOutputStream(absolute, StandardOpenOption.WRITE)) {
          out.write(body);
        }
        return;
      }
      replace(OutputPaths.located(absolute), body);
    } catch (IOException e) {
      throw cannotWrite(absolute, e);
    }
  }

  /** What {@code file} is, or null when new; refuses a directory. */
  private static BasicFileAttributes inspect(Path file) throws KonetException, IOException {
    BasicFileAttributes found = OutputPaths.inspect(file, failure(file));
    if (found != null && found.isDirectory()) {
      throw new KonetException(
          "Image references file " + OutputPaths.shown(file) + " is a directory; name a file.");
    }
    return found;
  }

  private static void replace(Path target, byte[] body) throws IOException {
    Files.createDirectories(target.getParent());
    Path temporary = OutputPaths.createHiddenSibling(target, false);
    try {
      Files.write(temporary, body);
      OutputPaths.copyAccess(target, temporary);
      Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException | RuntimeException e) {
      try {
        Files.deleteIfExists(temporary);
      } catch (IOException cleanup) {
        e.addSuppressed(cleanup);
      }
      throw e;
    }
  }

  private static String failure(Path file) {
    return "Cannot write image references to " + OutputPaths.shown(file);
  }

  private static KonetException cannotWrite(Path file, IOException e) {
    return new KonetException(failure(file) + ": " + OutputPaths.reason(e, file) + ".", e);
  }
}
