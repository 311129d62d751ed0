package io.konet.core.registry;

import java.time.Duration;

/**
 * How registry calls are retried and when an upload counts as stuck.
 *
 * @param attempts how many times a call is tried in all, at least 1
 * @param firstBackoff the wait before the second try; each later wait doubles
 * @param longestBackoff the longest wait, and the longest {@code Retry-After} honoured
 * @param stallTimeout an upload that sends nothing for this long is aborted and tried again
 * @param uploadBaseTimeout every upload may take this long plus its size at {@code
 *     slowestThroughput}, so the timeout grows with the layer instead of being one fixed value
 * @param slowestThroughput the slowest link an upload is still expected to finish on, bytes/s
 */
public record RetryPolicy(
    int attempts,
    Duration firstBackoff,
    Duration longestBackoff,
    Duration stallTimeout,
    Duration uploadBaseTimeout,
    long slowestThroughput) {

  /** Five tries, waiting 1, 2, 4 and 8 s; uploads stuck for a minute are started again. */
  public static final RetryPolicy DEFAULT =
      new RetryPolicy(5, Duration.ofSeconds(1), Duration.ofSeconds(60), Duration.ofSeconds(60),
          Duration.ofMinutes(2), 256 * 1024);

  public RetryPolicy {
    if (attempts < 1) {
      throw new IllegalArgumentException("attempts must be at least 1");
    }
  }

  /** The wait before try {@code attempt} (2 for the first retry). */
  Duration backoffBefore(int attempt) {
    Duration wait = firstBackoff.multipliedBy(1L << Math.min(20, attempt - 2));
    return wait.compareTo(longestBackoff) > 0 ? longestBackoff : wait;
  }

  /** How long an upload of {@code size} bytes may take in all. */
  Duration uploadTimeout(long size) {
    return uploadBaseTimeout.plusMillis(Math.max(0, size) * 1000 / Math.max(1, slowestThroughput));
  }
}
