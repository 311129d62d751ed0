package io.konet.core.registry;

import com.google.cloud.tools.jib.api.InsecureRegistryException;
import com.google.cloud.tools.jib.api.RegistryException;
import com.google.cloud.tools.jib.http.ResponseException;
import io.konet.core.KonetException;
import io.konet.core.build.BuildLog;
import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import javax.net.ssl.SSLException;

/**
 * Tries registry calls again when the failure is one that passes: a dropped or reset
 * connection, a timeout, HTTP 408, 429, 500, 502, 503 or 504. Waits grow from try to try, a
 * {@code Retry-After} answer is honoured, every retry is one log line, and the number of tries
 * is bounded, so a fault that never stops ends the build with a clear reason.
 */
final class Retrier {

  private static final Set<Integer> PASSING_STATUSES = Set.of(408, 429, 500, 502, 503, 504);

  private final RetryPolicy policy;
  private final BuildLog log;

  Retrier(RetryPolicy policy, BuildLog log) {
    this.policy = policy;
    this.log = log;
  }

  /** One try of a call; may throw whatever the registry client throws. */
  @FunctionalInterface
  interface Attempt<T> {
    T run() throws Exception;
  }

  /** What a call is about, for messages. */
  record Call(
      String registry, String repository, String action,
      Optional<RegistryCredential> credential, boolean retryRefusedConnections) {}

  <T> T call(Call call, Attempt<T> attempt) throws KonetException {
    for (int tried = 1; ; tried++) {
      try {
        return attempt.run();
      } catch (KonetException e) {
        throw e;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new KonetException("Interrupted while " + call.action() + ".", e);
      } catch (Exception e) {
        Optional<String> reason = passingReason(e, call.retryRefusedConnections());
        if (reason.isEmpty()) {
          throw RegistryFailures.explain(
              e, call.registry(), call.repository(), call.action(), call.credential());
        }
        if (tried >= policy.attempts()) {
          KonetException explained =
              RegistryFailures.explain(
                  e, call.registry(), call.repository(), call.action(), call.credential());
          throw new KonetException(
              stripPeriod(explained.getMessage()) + " (gave up after " + tried + " tries).", e);
        }
        Duration wait = retryAfter(e).orElse(policy.backoffBefore(tried + 1));
        log.info("registry " + call.registry() + ": " + reason.get() + " while " + call.action()
            + "; trying again in " + describe(wait) + " (try " + (tried + 1) + " of "
            + policy.attempts() + ")");
        sleep(wait, call);
      }
    }
  }

  private static void sleep(Duration wait, Call call) throws KonetException {
    try {
      Thread.sleep(wait.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new KonetException("Interrupted while " + call.action() + ".", e);
    }
  }

  /** Why a failure is worth another try, or empty when trying again cannot help. */
  static Optional<String> passingReason(Throwable failure, boolean retryRefusedConnections) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof ResponseException response) {
        int status = response.getStatusCode();
        return PASSING_STATUSES.contains(status)
            ? Optional.of("HTTP " + status) : Optional.empty();
      }
      if (t instanceof KonetException || t instanceof RepositoryAccess.TooLargeException
          || t instanceof UnknownHostException
          || t instanceof SSLException || t instanceof InsecureRegistryException) {
        return Optional.empty();
      }
      if (t instanceof RegistryException && !(t.getCause() instanceof IOException)) {
        return Optional.empty();
      }
      if (t instanceof SocketTimeoutException) {
        return Optional.of("timed out");
      }
      if (t instanceof ConnectException) {
        return retryRefusedConnections ? Optional.of("connection refused") : Optional.empty();
      }
      if (t instanceof SocketException || t instanceof EOFException
          || t.getClass().getName().endsWith("NoHttpResponseException")
          || t.getClass().getName().endsWith("ConnectionClosedException")
          || t.getClass().getName().endsWith("TruncatedChunkException")) {
        return Optional.of("connection lost");
      }
      if (t instanceof UploadWatchdog.StuckUploadException stuck) {
        return Optional.of(stuck.getMessage());
      }
      String message = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
      if (t instanceof IOException
          && (message.contains("connection reset") || message.contains("broken pipe")
              || message.contains("premature end") || message.contains("socket closed")
              || message.contains("connection pool shut down"))) {
        return Optional.of("connection lost");
      }
    }
    return Optional.empty();
  }

  /** The wait a 429 or 503 answer asked for, in whole seconds, capped by the policy. */
  private Optional<Duration> retryAfter(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof ResponseException response && response.getHeaders() != null) {
        String value = response.getHeaders().getRetryAfter();
        if (value != null && value.strip().matches("\\d{1,6}")) {
          Duration asked = Duration.ofSeconds(Long.parseLong(value.strip()));
          return Optional.of(
              asked.compareTo(policy.longestBackoff()) > 0 ? policy.longestBackoff() : asked);
        }
        return Optional.empty();
      }
    }
    return Optional.empty();
  }

  private static String describe(Duration wait) {
    long millis = wait.toMillis();
    return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
  }

  private static String stripPeriod(String text) {
    return text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
  }
}
