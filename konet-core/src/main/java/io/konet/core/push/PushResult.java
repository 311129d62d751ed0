package io.konet.core.push;

import java.io.Serializable;
import java.util.List;

/**
 * What a push produced: the index and every platform's image.
 *
 * @param repository the repository pushed to, {@code registry/repository}, or the layout path
 * @param tags the tags that now point at the index, the main one first
 * @param indexDigest digest of the image index
 * @param indexMediaType media type of the index
 * @param platforms every platform's image, in the order the user named them
 * @param statistics what was moved
 */
public record PushResult(
    String repository,
    List<String> tags,
    String indexDigest,
    String indexMediaType,
    List<PlatformResult> platforms,
    PushStatistics statistics)
    implements Serializable {

  public PushResult {
    tags = List.copyOf(tags);
    platforms = List.copyOf(platforms);
  }

  /**
   * @param platform the platform as the user wrote it, canonical form
   * @param digest the platform image's manifest digest
   * @param tag the per-platform tag, or null when none was pushed
   */
  public record PlatformResult(String platform, String digest, String tag)
      implements Serializable {}
}
