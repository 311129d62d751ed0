package io.konet.core.image;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.konet.core.layer.PackedLayer;
import io.konet.core.registry.MediaTypeNames;
import java.util.List;

/**
 * Makes a platform's image manifest: the base layers' own descriptors (foreign layers keep their
 * URLs), then the application's layers. The family is normally the base image's; when another is
 * required (an OCI layout holds only OCI media types), base layer media types are translated,
 * which leaves their bytes and digests unchanged.
 */
public final class ManifestBuilder {

  private ManifestBuilder() {}

  public static ObjectNode build(
      BaseImage base,
      ManifestFamily family,
      String configDigest,
      long configSize,
      List<PackedLayer> layers) {
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
      ObjectNode descriptor = baseLayer.deepCopy();
      if (family != base.family()) {
        descriptor.put("mediaType", translateLayerType(descriptor.path("mediaType").asText()));
      }
      descriptors.add(descriptor);
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

  /** The OCI name of a Docker layer media type, and the reverse. */
  static String translateLayerType(String mediaType) {
    switch (mediaType) {
      case MediaTypeNames.DOCKER_LAYER_GZIP:
        return MediaTypeNames.OCI_LAYER_GZIP;
      case MediaTypeNames.OCI_LAYER_GZIP:
        return MediaTypeNames.DOCKER_LAYER_GZIP;
      case DOCKER_FOREIGN_LAYER:
        return OCI_NONDISTRIBUTABLE_LAYER;
      case OCI_NONDISTRIBUTABLE_LAYER:
        return DOCKER_FOREIGN_LAYER;
      default:
        return mediaType;
    }
  }

  private static final String DOCKER_FOREIGN_LAYER =
      "application/vnd.docker.image.rootfs.foreign.diff.tar.gzip";
  private static final String OCI_NONDISTRIBUTABLE_LAYER =
      "application/vnd.oci.image.layer.nondistributable.v1.tar+gzip";
}
