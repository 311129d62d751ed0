package io.konet.core.image;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.konet.core.layer.PackedLayer;
import java.util.List;

/**
 * Makes a platform's image manifest in the base image's media type family: the base layers' own
 * descriptors, unchanged (foreign layers keep their URLs), then the application's layers.
 */
public final class ManifestBuilder {

  private ManifestBuilder() {}

  public static ObjectNode build(
      BaseImage base, String configDigest, long configSize, List<PackedLayer> layers) {
    ManifestFamily family = base.family();
    ObjectNode manifest = Json.object();
    manifest.put("schemaVersion", 2);
    manifest.put("mediaType", family.manifestType());
    manifest
        .putObject("config")
        .put("mediaType", family.configType())
        .put("digest", configDigest)
        .put("size", configSize);
    ArrayNode descriptors = manifest.putArray("layers");
    for (JsonNode baseLayer : base.layers()) {
      descriptors.add(baseLayer.deepCopy());
    }
    for (PackedLayer layer : layers) {
      descriptors
          .addObject()
          .put("mediaType", family.layerType())
          .put("digest", layer.digest())
          .put("size", layer.size());
    }
    if (family == ManifestFamily.OCI) {
      manifest
          .putObject("annotations")
          .put(ImageConfigBuilder.LABEL_BASE_DIGEST, base.manifestDigest())
          .put(ImageConfigBuilder.LABEL_BASE_NAME, base.name().toString());
    }
    return manifest;
  }
}
