package io.konet.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jwt.JWTClaimsSet;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A Docker registry token service on 127.0.0.1, as Docker Hub, GHCR and Harbor run one: {@code
 * GET /token?service=S&scope=repository:NAME:ACTIONS[&scope=...]} with HTTP basic credentials (or
 * none, where the {@link TokenPolicy} allows anonymous access) answers a JWT that grants the asked
 * actions the policy allows, signed by a key made at start.
 *
 * <p>A wrong password or an unknown user is answered 401, as is an anonymous request where the
 * policy allows no anonymous access; actions the policy does not allow are left out of the token,
 * not refused, so the registry is the one that says no. Every request is recorded ({@link
 * #requests()}) without its password.
 */
public final class TokenServer implements AutoCloseable {

  /** The {@code iss} of every token; the registry must be configured with it. */
  public static final String ISSUER = "konet-test-token-server";

  private static final Duration LIFETIME = Duration.ofMinutes(5);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String service;
  private final TokenPolicy policy;
  private final TokenSigningKey key;
  private final HttpServer server;
  private final ExecutorService threads;
  private final List<TokenRequest> requests = new CopyOnWriteArrayList<>();

  private TokenServer(String service, TokenPolicy policy) throws IOException {
    this.service = service;
    this.policy = policy;
    this.key = TokenSigningKey.generate();
    this.server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    this.threads =
        Executors.newCachedThreadPool(
            runnable -> {
              Thread thread = new Thread(runnable, "konet-token-server");
              thread.setDaemon(true);
              return thread;
            });
    server.setExecutor(threads);
    server.createContext("/token", this::handle);
    server.start();
  }

  /**
   * Starts a token service for the registry that calls itself {@code service} (its {@code
   * auth.token.service}, the {@code aud} of the tokens).
   */
  public static TokenServer start(String service, TokenPolicy policy) {
    try {
      return new TokenServer(service, policy);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not start a token server on 127.0.0.1", e);
    }
  }

  /** The URL a registry names in its Bearer challenge. */
  public String realm() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/token";
  }

  public String service() {
    return service;
  }

  public TokenSigningKey signingKey() {
    return key;
  }

  /** Writes the certificate of the signing key, in PEM, for {@code auth.token.rootcertbundle}. */
  public Path writeRootCertBundle(Path file) {
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, key.certificatePem());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return file;
  }

  /** Every request answered so far, oldest first. */
  public List<TokenRequest> requests() {
    return List.copyOf(requests);
  }

  /** The requests of one user; {@code ""} selects the anonymous ones. */
  public List<TokenRequest> requestsBy(String user) {
    return requests.stream().filter(request -> request.user().equals(user)).toList();
  }

  public void clearRequests() {
    requests.clear();
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (!exchange.getRequestMethod().equals("GET")) {
        // TODO: the OAuth2 form (POST with grant_type password or refresh_token) is not served;
        // no test needs identity tokens yet.
        exchange.getResponseHeaders().set("Allow", "GET");
        answer(exchange, 405, error("UNSUPPORTED", "only GET is served"));
        return;
      }
      Map<String, List<String>> query = parseQuery(exchange.getRequestURI().getRawQuery());
      String askedService = query.getOrDefault("service", List.of("")).get(0);
      List<String> asked = new ArrayList<>();
      query.getOrDefault("scope", List.of())
          .forEach(value -> asked.addAll(List.of(value.trim().split("\\s+"))));
      asked.removeIf(String::isEmpty);
      Optional<Credentials> credentials =
          Credentials.parse(exchange.getRequestHeaders().getFirst("Authorization"));
      String user = credentials.map(Credentials::user).orElse("");
      if (credentials.isPresent()
          ? !policy.authenticates(user, credentials.get().password())
          : !policy.allowsAnonymous()) {
        record(user, askedService, asked, List.of(), 401);
        exchange.getResponseHeaders().set("WWW-Authenticate", "Basic realm=\"" + realm() + "\"");
        answer(exchange, 401, error("UNAUTHORIZED",
            credentials.isPresent() ? "incorrect username or password"
                : "authentication required"));
        return;
      }
      if (!askedService.equals(service)) {
        record(user, askedService, asked, List.of(), 400);
        answer(exchange, 400, error("DENIED", "unknown service '" + askedService + "'"));
        return;
      }
      List<String> granted = new ArrayList<>();
      List<Map<String, Object>> access = new ArrayList<>();
      for (String scope : asked) {
        grant(credentials.map(Credentials::user), scope, granted).ifPresent(access::add);
      }
      record(user, askedService, asked, granted, 200);
      answer(exchange, 200, tokenAnswer(user, access));
    }
  }

  /** The access entry the policy allows for one asked scope, noting it in {@code granted}. */
  private Optional<Map<String, Object>> grant(
      Optional<String> user, String scope, List<String> granted) {
    int first = scope.indexOf(':');
    int last = scope.lastIndexOf(':');
    if (first < 0 || first == last || !scope.substring(0, first).equals("repository")) {
      // Other resource types (registry:catalog:*) are granted to nobody here.
      return Optional.empty();
    }
    String repository = scope.substring(first + 1, last);
    List<String> actions =
        policy.granted(user, repository, List.of(scope.substring(last + 1).split(",")));
    if (actions.isEmpty()) {
      return Optional.empty();
    }
    granted.add("repository:" + repository + ":" + String.join(",", actions));
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("type", "repository");
    entry.put("name", repository);
    entry.put("actions", actions);
    return Optional.of(entry);
  }

  private ObjectNode tokenAnswer(String user, List<Map<String, Object>> access) {
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    JWTClaimsSet claims =
        new JWTClaimsSet.Builder()
            .issuer(ISSUER)
            .subject(user)
            .audience(service)
            .issueTime(Date.from(now))
            .notBeforeTime(Date.from(now))
            .expirationTime(Date.from(now.plus(LIFETIME)))
            .jwtID(UUID.randomUUID().toString())
            .claim("access", access)
            .build();
    String token = key.sign(claims);
    ObjectNode answer = JSON.createObjectNode();
    answer.put("token", token);
    answer.put("access_token", token);
    answer.put("expires_in", LIFETIME.toSeconds());
    answer.put("issued_at", now.toString());
    return answer;
  }

  private void record(
      String user, String askedService, List<String> asked, List<String> granted, int status) {
    requests.add(new TokenRequest(user, askedService, asked, granted, status));
  }

  private static ObjectNode error(String code, String message) {
    ObjectNode body = JSON.createObjectNode();
    body.putArray("errors").addObject().put("code", code).put("message", message);
    body.put("details", message);
    return body;
  }

  private static void answer(HttpExchange exchange, int status, ObjectNode body)
      throws IOException {
    byte[] bytes = JSON.writeValueAsBytes(body);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
  }

  private static Map<String, List<String>> parseQuery(String rawQuery) {
    Map<String, List<String>> parameters = new HashMap<>();
    if (rawQuery == null) {
      return parameters;
    }
    for (String pair : rawQuery.split("&")) {
      int equals = pair.indexOf('=');
      String name = equals < 0 ? pair : pair.substring(0, equals);
      String value = equals < 0 ? "" : pair.substring(equals + 1);
      parameters
          .computeIfAbsent(decode(name), key -> new ArrayList<>())
          .add(decode(value));
    }
    return parameters;
  }

  private static String decode(String text) {
    return URLDecoder.decode(text, StandardCharsets.UTF_8);
  }

  /** HTTP basic credentials; the password lives only as long as the request. */
  private record Credentials(String user, String password) {

    static Optional<Credentials> parse(String header) {
      if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
        return Optional.empty();
      }
      String pair;
      try {
        pair = new String(Base64.getDecoder().decode(header.substring(6).trim()),
            StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        return Optional.of(new Credentials("(malformed credentials)", ""));
      }
      int colon = pair.indexOf(':');
      return colon < 0
          ? Optional.of(new Credentials(pair, ""))
          : Optional.of(new Credentials(pair.substring(0, colon), pair.substring(colon + 1)));
    }

    @Override
    public String toString() {
      return "Credentials[" + user + ", password hidden]";
    }
  }
}
