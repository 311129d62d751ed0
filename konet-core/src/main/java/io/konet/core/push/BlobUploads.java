package io.konet.core.push;

import io.konet.core.KonetException;
import io.konet.core.build.BuildLog;
import io.konet.core.build.Sizes;
import io.konet.core.registry.BlobContent;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Makes sure blobs are in the target, each at most once per build even when several platforms
 * share it, asking the target first so that a blob it has is neither read nor sent.
 */
final class BlobUploads {

  private static final long PROGRESS_INTERVAL_NANOS = 5_000_000_000L;

  private final ImageTarget target;
  private final ExecutorService executor;
  private final BuildLog log;
  private final Map<String, CompletableFuture<Void>> uploads = new ConcurrentHashMap<>();
  private final AtomicInteger uploaded = new AtomicInteger();
  private final AtomicInteger skipped = new AtomicInteger();
  private final AtomicInteger mounted = new AtomicInteger();
  private final AtomicLong bytesSent = new AtomicLong();

  BlobUploads(ImageTarget target, ExecutorService executor, BuildLog log) {
    this.target = target;
    this.executor = executor;
    this.log = log;
  }

  /** A blob to store: its digest, size, what to call it in logs, where to read it. */
  record Blob(String digest, long size, String description, BlobContent content, String mountFrom) {}

  /** Starts storing the blob, or joins the upload already under way. */
  CompletableFuture<Void> ensure(Blob blob) {
    return uploads.computeIfAbsent(
        blob.digest(), digest -> CompletableFuture.runAsync(() -> store(blob), executor));
  }

  private void store(Blob blob) {
    try {
      String name = blob.description() + " " + shortDigest(blob.digest());
      if (target.hasBlob(blob.digest())) {
        skipped.incrementAndGet();
        log.info("skipped " + name + " (" + Sizes.describe(blob.size()) + ", already there)");
        return;
      }
      ProgressReporter progress = new ProgressReporter(name, blob.size());
      boolean nothingSent =
          target.putBlob(blob.digest(), blob.size(), blob.content(), blob.mountFrom(),
              progress::add);
      if (nothingSent) {
        mounted.incrementAndGet();
        log.info("mounted " + name + " from " + blob.mountFrom());
      } else {
        uploaded.incrementAndGet();
        log.info("pushed " + name + " (" + Sizes.describe(blob.size()) + ")");
      }
    } catch (KonetException e) {
      throw new CompletionException(e);
    }
  }

  PushStatistics statistics() {
    return new PushStatistics(uploaded.get(), skipped.get(), mounted.get(), bytesSent.get());
  }

  static String shortDigest(String digest) {
    int colon = digest.indexOf(':');
    return digest.substring(0, Math.min(digest.length(), colon + 13));
  }

  /** Counts bytes sent and logs progress of long uploads every few seconds. */
  private final class ProgressReporter {
    private final String name;
    private final long total;
    private long sent;
    private long lastReport = System.nanoTime();

    ProgressReporter(String name, long total) {
      this.name = name;
      this.total = total;
    }

    synchronized void add(long count) {
      sent += count;
      bytesSent.addAndGet(count);
      long now = System.nanoTime();
      if (now - lastReport >= PROGRESS_INTERVAL_NANOS && sent < total) {
        lastReport = now;
        log.info("pushing " + name + ": " + Sizes.describe(sent) + " of " + Sizes.describe(total));
      }
    }
  }
}
