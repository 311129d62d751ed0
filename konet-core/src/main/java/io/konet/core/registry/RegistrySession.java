package io.konet.core.registry;

import com.google.cloud.tools.jib.api.LogEvent;
import com.google.cloud.tools.jib.event.EventHandlers;
import com.google.cloud.tools.jib.http.FailoverHttpClient;
import com.google.cloud.tools.jib.registry.RegistryClient;
import io.konet.core.KonetException;
import io.konet.core.build.BuildLog;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The registry connections of one build: one authenticated client per repository and purpose,
 * HTTP clients that allow plain HTTP only for loopback and explicitly insecure registries, and
 * the credentials, looked up once per registry.
 */
public final class RegistrySession implements AutoCloseable {

  private static final String USER_AGENT = "konet/0.1 jib-core/0.28.1";

  private final RegistrySettings settings;
  private final CredentialSource credentials;
  private final BuildLog log;
  private final EventHandlers events;
  private final FailoverHttpClient secureHttp;
  private final FailoverHttpClient insecureHttp;
  private final Map<String, Optional<RegistryCredential>> credentialByRegistry =
      new ConcurrentHashMap<>();
  private final Map<String, RepositoryAccess> accessByKey = new ConcurrentHashMap<>();
  private final Retrier retrier;
  private final UploadWatchdog watchdog;

  public RegistrySession(RegistrySettings settings, CredentialSource credentials, BuildLog log) {
    this(settings, credentials, log, RetryPolicy.DEFAULT);
  }

  public RegistrySession(
      RegistrySettings settings, CredentialSource credentials, BuildLog log, RetryPolicy retry) {
    this.settings = settings;
    this.credentials = credentials;
    this.log = log;
    this.events =
        EventHandlers.builder()
            .add(LogEvent.class, event -> log.detail(stripAnsi(event.getMessage())))
            .build();
    this.secureHttp = HttpClients.withoutHiddenRetries(false, events);
    this.insecureHttp = HttpClients.withoutHiddenRetries(true, events);
    this.retrier = new Retrier(retry, log);
    this.watchdog = new UploadWatchdog(retry);
  }

  public RegistrySettings settings() {
    return settings;
  }

  /**
   * Access for pushing to {@code repository}; with {@code mountSource}, the token also asks to
   * read that repository of the same registry, so blobs can be mounted from it.
   */
  public RepositoryAccess forPush(String registry, String repository, String mountSource)
      throws KonetException {
    String key = "push " + registry + "/" + repository + " " + mountSource;
    return cached(key, () -> connect(registry, repository, mountSource, true));
  }

  /** Access for reading {@code repository}. */
  public RepositoryAccess forPull(String registry, String repository) throws KonetException {
    String key = "pull " + registry + "/" + repository;
    return cached(key, () -> connect(registry, repository, null, false));
  }

  private interface Connector {
    RepositoryAccess connect() throws KonetException;
  }

  private RepositoryAccess cached(String key, Connector connector) throws KonetException {
    RepositoryAccess existing = accessByKey.get(key);
    if (existing != null) {
      return existing;
    }
    RepositoryAccess created = connector.connect();
    RepositoryAccess raced = accessByKey.putIfAbsent(key, created);
    return raced != null ? raced : created;
  }

  private RepositoryAccess connect(
      String registry, String repository, String mountSource, boolean push)
      throws KonetException {
    Optional<RegistryCredential> credential = credentialFor(registry);
    FailoverHttpClient http = settings.allowsInsecure(registry) ? insecureHttp : secureHttp;
    RegistryClient.Factory factory =
        mountSource == null
            ? RegistryClient.factory(events, registry, repository, http)
            : RegistryClient.factory(events, registry, repository, mountSource, http);
    RegistryClient client =
        factory
            .setCredential(credential.map(RegistryCredential::toJib).orElse(null))
            .setUserAgent(USER_AGENT)
            .newRegistryClient();
    String action = (push ? "logging in to push to " : "logging in to read ") + repository;
    retrier.call(
        new Retrier.Call(registry, repository, action, credential, false),
        () -> {
          boolean bearer = push ? client.doPushBearerAuth() : client.doPullBearerAuth();
          if (!bearer && credential.isPresent() && !credential.get().isToken()) {
            client.configureBasicAuth();
          }
          return null;
        });
    Runnable abortConnections = () -> HttpClients.abortAll(http, log);
    ManifestReader manifests =
        new ManifestReader(http, registry, repository, credential, USER_AGENT, retrier,
            abortConnections);
    return new RepositoryAccess(registry, repository, client, manifests, credential, retrier,
        watchdog, abortConnections);
  }

  private Optional<RegistryCredential> credentialFor(String registry) throws KonetException {
    Optional<RegistryCredential> known = credentialByRegistry.get(registry);
    if (known != null) {
      return known;
    }
    Optional<RegistryCredential> found = credentials.find(registry);
    found.ifPresent(
        credential ->
            log.detail("using " + credential.describeUser() + " from " + credential.origin()
                + " for " + registry));
    credentialByRegistry.put(registry, found);
    return found;
  }

  private static String stripAnsi(String text) {
    return text == null ? "" : text.replaceAll("\u001B\\[[;\\d]*m", "");
  }

  @Override
  public void close() {
    watchdog.close();
    for (FailoverHttpClient http : new FailoverHttpClient[] {secureHttp, insecureHttp}) {
      try {
        http.shutDown();
      } catch (IOException e) {
        log.detail("closing registry connections: " + e.getMessage());
      }
    }
  }
}
