package io.konet.testing;

import java.util.List;
import java.util.stream.Stream;

/**
 * One image manifest of a seeded index: where it sits, its config and its layers, so that tests can
 * assert base-image labels and that base layers reached the target registry.
 *
 * @param layerDigests the compressed layer blobs, bottom first
 * @param diffIds the uncompressed layer digests the config lists, bottom first
 */
public record SeededManifest(
    SeededPlatform platform,
    String mediaType,
    String digest,
    long size,
    String configDigest,
    List<String> layerDigests,
    List<String> diffIds) {

  public SeededManifest {
    layerDigests = List.copyOf(layerDigests);
    diffIds = List.copyOf(diffIds);
  }

  /** The config and layer blobs, the digests a copy of this image must also hold. */
  public List<String> blobDigests() {
    return Stream.concat(Stream.of(configDigest), layerDigests.stream()).toList();
  }
}
