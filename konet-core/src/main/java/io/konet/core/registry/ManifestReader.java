package io.konet.core.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.cloud.tools.jib.blob.Blobs;
import com.google.cloud.tools.jib.http.Authorization;
import com.google.cloud.tools.jib.http.BlobHttpContent;
import com.google.cloud.tools.jib.http.FailoverHttpClient;
import com.google.cloud.tools.jib.http.Request;
import com.google.cloud.tools.jib.http.Response;
import com.google.cloud.tools.jib.http.ResponseException;
import io.konet.core.KonetException;
import io.konet.core.UserText;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads manifests and indexes as raw bytes, with the registry's token or basic authentication.
 *
 * <p>Written here rather than taken from Jib: Jib's manifest puller parses into its own templates,
 * which drop {@code variant}, {@code os.version} and annotations and refuse descriptors with
 * {@code artifactType}; it offers no raw access and reads answers of any size into memory. This
 * reader keeps the exact bytes (so digests and unknown fields survive), refuses answers over a
 * size limit, and checks content against a requested digest. Transport, TLS and plain HTTP
 * fallback are Jib's {@link FailoverHttpClient}.
 */
final class ManifestReader {

  /** Manifests larger than this are refused, as containerd does. */
  static final int SIZE_LIMIT = 4 * 1024 * 1024;

  static final List<String> ACCEPTED_TYPES =
      List.of(
          MediaTypeNames.OCI_INDEX,
          MediaTypeNames.DOCKER_MANIFEST_LIST,
          MediaTypeNames.OCI_MANIFEST,
          MediaTypeNames.DOCKER_MANIFEST);

  private static final Pattern CHALLENGE_PARAMETER = Pattern.compile("(\\w+)=\"([^\"]*)\"");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final FailoverHttpClient http;
  private final String registry;
  private final String repository;
  private final Optional<RegistryCredential> credential;
  private final String userAgent;
  private final Retrier retrier;
  private final Runnable abortConnections;
  private volatile Authorization authorization;

  /**
   * @param abortConnections cuts the HTTP client's connections; called before an oversized
   *     answer is refused, since closing it normally would read it to its end
   */
  ManifestReader(
      FailoverHttpClient http,
      String registry,
      String repository,
      Optional<RegistryCredential> credential,
      String userAgent,
      Retrier retrier,
      Runnable abortConnections) {
    this.http = http;
    this.registry = registry;
    this.repository = repository;
    this.credential = credential;
    this.userAgent = userAgent;
    this.retrier = retrier;
    this.abortConnections = abortConnections;
  }

  /** Fetches a manifest by tag or digest; empty when the registry does not have it. */
  Optional<RawManifest> fetch(String reference) throws KonetException {
    String action = "reading manifest " + repository + ":" + reference;
    return retrier.call(
        new Retrier.Call(registry, repository, action, credential, true),
        () -> fetchOnce(reference, action));
  }

  /**
   * One try: answers, or throws what the transport threw (for the retrier to judge) or a
   * {@link KonetException} for what no retry can mend.
   */
  private Optional<RawManifest> fetchOnce(String reference, String action)
      throws KonetException, IOException {
    URL url = url("/v2/" + repository + "/manifests/" + reference);
    boolean authenticated = false;
    while (true) {
      Request request =
          Request.builder()
              .setAccept(ACCEPTED_TYPES)
              .setUserAgent(userAgent)
              .setAuthorization(authorization)
              .build();
      try (Response response = http.get(url, request)) {
        byte[] body = readBounded(response.getBody(), action);
        String digest = Sha256.digest(body);
        if (reference.startsWith("sha256:") && !reference.equals(digest)) {
          throw new KonetException(
              "Registry " + registry + " answered " + repository + "@" + reference
                  + " with content whose digest is " + digest + "; refusing it.");
        }
        return Optional.of(new RawManifest(mediaTypeOf(response, body, action), body, digest));
      } catch (ResponseException e) {
        if (e.getStatusCode() == 404) {
          return Optional.empty();
        }
        if (e.getStatusCode() == 401 && !authenticated) {
          authorization = authenticate(e.getHeaders().getAuthenticate(), action);
          authenticated = true;
          continue;
        }
        if (Retrier.passingReason(e, true).isPresent()) {
          throw e;
        }
        String challenge = e.getHeaders() == null ? null : e.getHeaders().getAuthenticate();
        if (credential.isPresent() && challenge != null
            && challenge.contains("insufficient_scope")) {
          throw new KonetException(
              "Registry " + registry + " denied " + credential.get().describeUser()
                  + " the right to read " + repository + " (insufficient scope) while "
                  + action + ".");
        }
        throw RegistryFailures.explainStatus(
            e.getStatusCode(), registry, repository, action, credential);
      }
    }
  }

  private Authorization authenticate(String challenge, String action) throws KonetException {
    if (challenge == null || challenge.regionMatches(true, 0, "Basic", 0, 5)) {
      if (credential.isEmpty() || credential.get().isToken()) {
        throw new KonetException(
            "Registry " + registry + " requires credentials for " + repository + " (HTTP 401)"
                + " while " + action + "; none were given.");
      }
      return Authorization.fromBasicCredentials(
          credential.get().username(), credential.get().password());
    }
    if (!challenge.regionMatches(true, 0, "Bearer", 0, 6)) {
      throw new KonetException(
          "Registry " + registry + " asks for an unknown authentication scheme ("
              + RegistryFailures.firstLine(challenge) + ").");
    }
    Map<String, String> parameters = new HashMap<>();
    Matcher matcher = CHALLENGE_PARAMETER.matcher(challenge);
    while (matcher.find()) {
      parameters.put(matcher.group(1), matcher.group(2));
    }
    String realm = parameters.get("realm");
    if (realm == null) {
      throw new KonetException(
          "Registry " + registry + " asks for a token but names no token service.");
    }
    String service = parameters.getOrDefault("service", registry);
    String scope = "repository:" + repository + ":pull";
    return Authorization.fromBearerToken(fetchToken(realm, service, scope));
  }

  private String fetchToken(String realm, String service, String scope) throws KonetException {
    String action = "getting a pull token for " + repository;
    try {
      Response response;
      if (credential.isPresent() && credential.get().isToken()) {
        String form =
            "grant_type=refresh_token&client_id=konet&service=" + encode(service) + "&scope="
                + encode(scope) + "&refresh_token=" + encode(credential.get().password());
        response =
            http.post(
                new URL(realm),
                Request.builder()
                    .setUserAgent(userAgent)
                    .setBody(
                        new BlobHttpContent(
                            Blobs.from(form), "application/x-www-form-urlencoded"))
                    .build());
      } else {
        String separator = realm.contains("?") ? "&" : "?";
        URL url =
            new URL(realm + separator + "service=" + encode(service) + "&scope=" + encode(scope));
        Authorization basic =
            credential
                .map(c -> Authorization.fromBasicCredentials(c.username(), c.password()))
                .orElse(null);
        response =
            http.get(
                url, Request.builder().setUserAgent(userAgent).setAuthorization(basic).build());
      }
      try (response) {
        JsonNode answer = JSON.readTree(readBounded(response.getBody(), action));
        String token = answer.path("token").asText(answer.path("access_token").asText(""));
        if (token.isEmpty()) {
          throw new KonetException(
              "The token service of registry " + registry + " answered without a token.");
        }
        return token;
      }
    } catch (ResponseException e) {
      throw RegistryFailures.explainStatus(
          e.getStatusCode(), registry, repository, action, credential);
    } catch (IOException e) {
      throw RegistryFailures.explain(e, registry, repository, action, credential);
    }
  }

  private String mediaTypeOf(Response response, byte[] body, String action)
      throws KonetException {
    String fromBody;
    try {
      fromBody = JSON.readTree(body).path("mediaType").asText("");
    } catch (IOException e) {
      throw new KonetException(
          "Registry " + registry + " answered " + action + " with content that is not JSON.");
    }
    String mediaType = fromBody;
    if (mediaType.isEmpty()) {
      List<String> header = response.getHeader("Content-Type");
      mediaType = header.isEmpty() ? "" : header.get(0).split(";")[0].strip();
    }
    if (!ACCEPTED_TYPES.contains(mediaType)) {
      throw new KonetException(
          "Registry " + registry + " answered " + action + " with media type '"
              + UserText.shown(mediaType) + "', which is not an image manifest or index.");
    }
    return mediaType;
  }

  private byte[] readBounded(InputStream body, String action) throws IOException, KonetException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    byte[] buffer = new byte[16 * 1024];
    int read;
    while ((read = body.read(buffer)) != -1) {
      if (bytes.size() + read > SIZE_LIMIT) {
        abortConnections.run();
        throw new KonetException(
            "Registry " + registry + " answered " + action + " with more than "
                + SIZE_LIMIT / (1024 * 1024) + " MiB; refusing it.");
      }
      bytes.write(buffer, 0, read);
    }
    return bytes.toByteArray();
  }

  private URL url(String path) throws KonetException {
    try {
      return new URL("https://" + registry + path);
    } catch (MalformedURLException e) {
      throw new KonetException("Invalid registry address '" + registry + "'.", e);
    }
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
