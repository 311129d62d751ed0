package io.konet.core.registry;

import com.google.cloud.tools.jib.api.InsecureRegistryException;
import com.google.cloud.tools.jib.api.RegistryAuthenticationFailedException;
import com.google.cloud.tools.jib.api.RegistryUnauthorizedException;
import com.google.cloud.tools.jib.http.ResponseException;
import com.google.cloud.tools.jib.registry.RegistryCredentialsNotSentException;
import io.konet.core.KonetException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Optional;
import javax.net.ssl.SSLException;

/** Turns what registry calls throw into one sentence a user can act on. */
final class RegistryFailures {

  private RegistryFailures() {}

  /**
   * @param registry the registry host
   * @param repository the repository the call was about
   * @param action what was being done, such as "pushing layer sha256:..."
   * @param credential the credential in use, if any; only its user name is ever shown
   */
  static KonetException explain(
      Throwable failure,
      String registry,
      String repository,
      String action,
      Optional<RegistryCredential> credential) {
    Throwable cause = unwrap(failure);
    String message;
    if (cause instanceof RegistryUnauthorizedException unauthorized) {
      if (credential.isPresent() && challengeOf(unauthorized).contains("insufficient_scope")) {
        return new KonetException(
            "Registry " + registry + " denied " + credential.get().describeUser() + " the right"
                + " to " + (action.startsWith("pushing") || action.contains("push") ? "push to "
                : "use ") + repository + " (insufficient scope) while " + action + ".",
            failure);
      }
      return explainStatus(statusOf(unauthorized), registry, repository, action, credential);
    } else if (cause instanceof RegistryAuthenticationFailedException) {
      message =
          "Could not log in to registry " + registry
              + credential.map(c -> " as " + c.describeUser()).orElse(" anonymously")
              + ": the token service refused" + tokenServiceReason(cause.getMessage()) + ".";
    } else if (cause instanceof RegistryCredentialsNotSentException) {
      message =
          "Registry " + registry + " asked for credentials over plain HTTP, which are not sent;"
              + " serve it over TLS.";
    } else if (cause instanceof InsecureRegistryException || cause instanceof SSLException) {
      message =
          "Registry " + registry + " does not offer verifiable TLS; if you trust it, allow it"
              + " with --insecure-registry " + registry + ".";
    } else if (cause instanceof UnknownHostException) {
      message = "Cannot reach registry " + registry + ": unknown host.";
    } else if (cause instanceof ConnectException || cause instanceof NoRouteToHostException) {
      message = "Cannot reach registry " + registry + ": " + describeConnectFailure(cause) + ".";
    } else if (cause instanceof SocketTimeoutException) {
      message = "Registry " + registry + " did not answer in time while " + action + ".";
    } else if (cause instanceof ResponseException response) {
      message =
          "Registry " + registry + " answered HTTP " + response.getStatusCode() + " while "
              + action + ".";
    } else if (cause instanceof KonetException konet) {
      return konet;
    } else {
      message =
          "Registry " + registry + ": " + action + " failed: " + firstLine(cause.getMessage())
              + ".";
    }
    return new KonetException(message, failure);
  }

  /** Explains an HTTP error status answered to {@code action}. */
  static KonetException explainStatus(
      int status,
      String registry,
      String repository,
      String action,
      Optional<RegistryCredential> credential) {
    String message;
    if (status == 401 || status == 403) {
      message =
          credential.isPresent()
              ? (status == 403
                  ? "Registry " + registry + " denied " + credential.get().describeUser()
                      + " access to " + repository + " (HTTP 403) while " + action + "."
                  : "Registry " + registry + " refused the credentials of "
                      + credential.get().describeUser() + " (HTTP 401) while " + action + ".")
              : "Registry " + registry + " requires credentials for " + repository + " (HTTP "
                  + status + ") while " + action + "; none were given.";
    } else {
      message = "Registry " + registry + " answered HTTP " + status + " while " + action + ".";
    }
    return new KonetException(message);
  }

  private static Throwable unwrap(Throwable failure) {
    Throwable current = failure;
    while (current.getCause() != null
        && current.getCause() != current
        && (current instanceof java.util.concurrent.ExecutionException
            || current instanceof java.util.concurrent.CompletionException
            || (current.getClass() == java.io.IOException.class
                && current.getCause() instanceof Exception)
            || current instanceof java.io.UncheckedIOException)) {
      current = current.getCause();
    }
    return current;
  }

  /** The {@code WWW-Authenticate} challenge of a refusal, or empty. */
  private static String challengeOf(RegistryUnauthorizedException unauthorized) {
    try {
      String challenge = unauthorized.getHttpResponseException().getHeaders().getAuthenticate();
      return challenge == null ? "" : challenge;
    } catch (RuntimeException e) {
      return "";
    }
  }

  /** " the credentials (HTTP 401)" from Jib's "... because: 401 Unauthorized", or a summary. */
  private static String tokenServiceReason(String jibMessage) {
    String text = jibMessage == null ? "" : jibMessage;
    java.util.regex.Matcher status = java.util.regex.Pattern.compile("because: (\\d{3})")
        .matcher(text);
    if (status.find()) {
      String code = status.group(1);
      return code.equals("401") || code.equals("403")
          ? " the credentials (HTTP " + code + ")" : " (HTTP " + code + ")";
    }
    return " (" + firstLine(text) + ")";
  }

  private static int statusOf(RegistryUnauthorizedException unauthorized) {
    try {
      return unauthorized.getHttpResponseException().getStatusCode();
    } catch (RuntimeException e) {
      return 401;
    }
  }

  private static String describeConnectFailure(Throwable cause) {
    String text = String.valueOf(cause.getMessage());
    if (text.contains("refused")) {
      return "connection refused";
    }
    if (text.contains("timed out")) {
      return "connection timed out";
    }
    return firstLine(text);
  }

  static String firstLine(String text) {
    if (text == null || text.isBlank()) {
      return "no details";
    }
    String line = text.strip().lines().findFirst().orElse("");
    return line.length() > 200 ? line.substring(0, 200) + "..." : line;
  }

  static boolean isInterruption(Throwable failure) {
    return failure instanceof InterruptedException || failure instanceof InterruptedIOException
        && !(failure instanceof SocketTimeoutException);
  }
}
