package io.konet.core.image;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * Makes the image index that ties the platforms together: a Docker manifest list when every
 * platform image is a Docker manifest, an OCI index otherwise; every entry carries the base
 * image's platform fields, including {@code variant} and Windows {@code os.version}.
 */
public final class IndexBuilder {

  private IndexBuilder() {}

  public static ManifestFamily familyOf(List<PlatformImage> images) {
    boolean allDocker =
        images.stream()
            .allMatch(image -> ManifestFamily.of(image.manifestMediaType())
                == ManifestFamily.DOCKER);
    return allDocker ? ManifestFamily.DOCKER : ManifestFamily.OCI;
  }

  public static ObjectNode build(List<PlatformImage> images) {
    ManifestFamily family = familyOf(images);
    ObjectNode index = Json.object();
    index.put("schemaVersion", 2);
    index.put("mediaType", family.indexType());
    ArrayNode manifests = index.putArray("manifests");
    for (PlatformImage image : images) {
      ObjectNode entry = manifests.addObject();
      entry.put("mediaType", image.manifestMediaType());
      entry.put("digest", image.manifestDigest());
      entry.put("size", image.manifestSize());
      entry.set("platform", orderedPlatform(image.platformNode()));
    }
    return index;
  }

  /** The platform fields in the order the image spec lists them, then any others. */
  private static ObjectNode orderedPlatform(ObjectNode platform) {
    ObjectNode ordered = Json.object();
    for (String field : List.of("architecture", "os", "os.version", "os.features", "variant")) {
      if (platform.hasNonNull(field)) {
        ordered.set(field, platform.get(field).deepCopy());
      }
    }
    platform
        .fields()
        .forEachRemaining(
            field -> {
              if (!ordered.has(field.getKey())) {
                ordered.set(field.getKey(), field.getValue().deepCopy());
              }
            });
    return ordered;
  }
}
