package io.konet.core.image;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.konet.core.registry.ImageName;

/**
 * The base image of one platform, referenced rather than pulled: its manifest and config as
 * JSON trees, and where its blobs can be read.
 *
 * @param name the official name the image records, such as {@code
 *     mcr.microsoft.com/dotnet/runtime-deps:8.0}
 * @param source where it was actually read from: the same, or a mirror
 * @param manifestDigest digest of the platform's manifest
 * @param manifestMediaType media type of that manifest
 * @param manifest the manifest
 * @param configDigest digest of the config blob
 * @param config the config
 * @param platform the platform object of the index entry (or made from the config)
 */
public record BaseImage(
    ImageName name,
    ImageName source,
    String manifestDigest,
    String manifestMediaType,
    ObjectNode manifest,
    String configDigest,
    ObjectNode config,
    ObjectNode platform) {

  public ManifestFamily family() {
    return ManifestFamily.of(manifestMediaType);
  }

  /** The base's layer descriptors, as the base manifest lists them. */
  public ArrayNode layers() {
    JsonNode layers = manifest.path("layers");
    return layers instanceof ArrayNode array ? array : Json.object().arrayNode();
  }

  /** The value of an environment variable the base image sets, if it sets it. */
  public String environmentValue(String name) {
    for (JsonNode entry : config.path("config").path("Env")) {
      String text = entry.asText("");
      if (text.startsWith(name + "=")) {
        return text.substring(name.length() + 1);
      }
    }
    return null;
  }
}
