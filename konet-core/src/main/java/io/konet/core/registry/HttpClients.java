package io.konet.core.registry;

import com.google.cloud.tools.jib.api.LogEvent;
import com.google.cloud.tools.jib.event.EventHandlers;
import com.google.cloud.tools.jib.http.FailoverHttpClient;
import io.konet.core.build.BuildLog;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.util.function.Consumer;

/**
 * Makes Jib's HTTP clients without their own hidden retries.
 *
 * <p>Jib's public constructor turns on google-http-client's I/O retry handler, which tries a
 * failed request again, silently, with growing waits for up to fifteen minutes. konet retries
 * itself ({@link Retrier}): a bounded number of tries, each logged. Jib offers turning its retries
 * off only through a package-private constructor, reached here by reflection; if a Jib version
 * lacks it, the public constructor is used and the hidden retries stay.
 */
final class HttpClients {

  private HttpClients() {}

  /**
   * @param insecure whether plain HTTP and unverified TLS are allowed (and credentials may be sent
   *     over plain HTTP), as for loopback and explicitly insecure registries
   */
  static FailoverHttpClient withoutHiddenRetries(boolean insecure, EventHandlers events) {
    Consumer<LogEvent> logger = events::dispatch;
    try {
      Constructor<FailoverHttpClient> constructor =
          FailoverHttpClient.class.getDeclaredConstructor(
              boolean.class, boolean.class, Consumer.class, boolean.class);
      constructor.setAccessible(true);
      return constructor.newInstance(insecure, insecure, logger, false);
    } catch (ReflectiveOperationException | RuntimeException e) {
      events.dispatch(LogEvent.debug("Jib's retries could not be turned off: " + e));
      return new FailoverHttpClient(insecure, insecure, logger);
    }
  }

  /** Closes every connection of {@code http}, unblocking requests stuck on them. */
  static void abortAll(FailoverHttpClient http, BuildLog log) {
    try {
      http.shutDown();
    } catch (IOException e) {
      log.detail("closing stuck connections: " + e.getMessage());
    }
  }
}
