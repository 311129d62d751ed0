package io.konet.core.image;

import io.konet.core.registry.MediaTypeNames;

/** The two media type families of images: Docker schema 2 and OCI. */
public enum ManifestFamily {
  DOCKER(
      MediaTypeNames.DOCKER_MANIFEST,
      MediaTypeNames.DOCKER_MANIFEST_LIST,
      MediaTypeNames.DOCKER_CONFIG,
      MediaTypeNames.DOCKER_LAYER_GZIP),
  OCI(
      MediaTypeNames.OCI_MANIFEST,
      MediaTypeNames.OCI_INDEX,
      MediaTypeNames.OCI_CONFIG,
      MediaTypeNames.OCI_LAYER_GZIP);

  private final String manifestType;
  private final String indexType;
  private final String configType;
  private final String layerType;

  ManifestFamily(String manifestType, String indexType, String configType, String layerType) {
    this.manifestType = manifestType;
    this.indexType = indexType;
    this.configType = configType;
    this.layerType = layerType;
  }

  public String manifestType() {
    return manifestType;
  }

  public String indexType() {
    return indexType;
  }

  public String configType() {
    return configType;
  }

  public String layerType() {
    return layerType;
  }

  /** The family of a manifest or index media type. */
  public static ManifestFamily of(String mediaType) {
    return mediaType.startsWith("application/vnd.docker.") ? DOCKER : OCI;
  }
}
