package io.konet.testing;

import java.util.List;
import java.util.NoSuchElementException;

/**
 * One seeded {@code repository:tag}: the index (manifest list) and its image entries, in the order
 * the index lists them, plus any attestation manifests it carries.
 */
public record SeededIndex(
    String repository,
    String tag,
    String mediaType,
    String digest,
    List<SeededManifest> manifests,
    List<SeededManifest> attestations) {

  public SeededIndex {
    manifests = List.copyOf(manifests);
    attestations = List.copyOf(attestations);
  }

  /** {@code repository:tag}. */
  public String reference() {
    return repository + ":" + tag;
  }

  /** The full reference as users write it, e.g. {@code mcr.microsoft.com/dotnet/runtime:8.0}. */
  public String mcrReference() {
    return BaseImageSeeder.MCR + "/" + reference();
  }

  /**
   * The one image for a platform such as {@code linux/amd64}, {@code linux/arm64/v8} or {@code
   * windows/amd64:10.0.20348.2849}.
   */
  public SeededManifest manifest(String platform) {
    List<SeededManifest> found =
        manifests.stream().filter(manifest -> manifest.platform().matches(platform)).toList();
    if (found.size() != 1) {
      throw new NoSuchElementException(
          reference() + " has " + found.size() + " images for " + platform + ": " + manifests);
    }
    return found.get(0);
  }

  public List<SeededPlatform> platforms() {
    return manifests.stream().map(SeededManifest::platform).toList();
  }
}
