package io.konet.core.push;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.konet.core.KonetException;
import io.konet.core.image.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

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

  /** Writes the file whole or not at all. */
  public static void write(PushResult result, Path file) throws KonetException {
    Path absolute = file.toAbsolutePath();
    try {
      Files.createDirectories(absolute.getParent());
      Path temporary = Files.createTempFile(absolute.getParent(), ".konet-refs", ".json");
      try {
        Files.write(temporary, Json.bytes(toJson(result)));
        Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING);
      } finally {
        Files.deleteIfExists(temporary);
      }
    } catch (IOException e) {
      throw new KonetException("Cannot write image references to " + absolute + ": "
          + e.getMessage(), e);
    }
  }
}
