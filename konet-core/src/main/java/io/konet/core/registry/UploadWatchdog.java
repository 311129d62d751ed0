package io.konet.core.registry;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Watches uploads and aborts those that are stuck: no byte sent for the stall timeout, or
 * longer in all than their size allows at the slowest expected link. A blocked socket write
 * cannot be interrupted, so aborting closes the HTTP client's connections; the stuck upload
 * (and any other upload on that client at that moment) then fails and is tried again.
 */
final class UploadWatchdog implements AutoCloseable {

  /** The failure of an upload the watchdog aborted. */
  static final class StuckUploadException extends IOException {
    private static final long serialVersionUID = 1L;

    StuckUploadException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /** One upload being watched. */
  final class Ticket implements AutoCloseable {
    private final String blob;
    private final long startNanos = System.nanoTime();
    private final long deadlineNanos;
    private final AtomicLong lastProgressNanos = new AtomicLong(System.nanoTime());
    private final Runnable abort;
    private volatile String stuck;

    private Ticket(String blob, long size, Runnable abort) {
      this.blob = blob;
      this.deadlineNanos = startNanos + policy.uploadTimeout(size).toNanos();
      this.abort = abort;
    }

    /** The stream to write the blob to, which reports progress. */
    OutputStream watch(OutputStream out) {
      return new FilterOutputStream(out) {
        @Override
        public void write(byte[] data, int offset, int length) throws IOException {
          out.write(data, offset, length);
          lastProgressNanos.set(System.nanoTime());
        }

        @Override
        public void write(int b) throws IOException {
          out.write(b);
          lastProgressNanos.set(System.nanoTime());
        }
      };
    }

    /** Turns the failure of an aborted upload into one that says why; others pass as they are. */
    Exception explain(Exception failure) {
      return stuck == null ? failure : new StuckUploadException(stuck, failure);
    }

    private void check(long now) {
      if (stuck != null) {
        return;
      }
      if (now - lastProgressNanos.get() > policy.stallTimeout().toNanos()) {
        stuck = "upload of " + blob + " sent nothing for " + seconds(policy.stallTimeout());
      } else if (now > deadlineNanos) {
        stuck = "upload of " + blob + " took longer than "
            + seconds(Duration.ofNanos(deadlineNanos - startNanos));
      } else {
        return;
      }
      abort.run();
    }

    @Override
    public void close() {
      tickets.remove(this);
    }
  }

  private final RetryPolicy policy;
  private final Map<Ticket, Boolean> tickets = new ConcurrentHashMap<>();
  private final Thread thread;
  private volatile boolean closed;

  UploadWatchdog(RetryPolicy policy) {
    this.policy = policy;
    this.thread = new Thread(this::watch, "konet-upload-watchdog");
    thread.setDaemon(true);
    thread.start();
  }

  /** Starts watching an upload of {@code size} bytes; {@code abort} unblocks it. */
  Ticket watch(String blob, long size, Runnable abort) {
    Ticket ticket = new Ticket(blob, size, abort);
    tickets.put(ticket, Boolean.TRUE);
    return ticket;
  }

  private void watch() {
    long interval = Math.max(10, Math.min(1000, policy.stallTimeout().toMillis() / 4));
    while (!closed) {
      try {
        Thread.sleep(interval);
      } catch (InterruptedException e) {
        return;
      }
      long now = System.nanoTime();
      for (Ticket ticket : tickets.keySet()) {
        ticket.check(now);
      }
    }
  }

  private static String seconds(Duration duration) {
    return duration.toMillis() % 1000 == 0
        ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
  }

  @Override
  public void close() {
    closed = true;
    thread.interrupt();
  }
}
