package io.konet.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** Asks a token service for tokens and calls a registry with them, as a Docker client does. */
final class TokenClient {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  /** {@code GET realm?service=...&scope=...}; {@code user} null for an anonymous request. */
  HttpResponse<String> askToken(
      String realm, String service, String user, String password, String... scopes)
      throws IOException, InterruptedException {
    StringBuilder url = new StringBuilder(realm).append("?service=").append(encode(service));
    for (String scope : scopes) {
      url.append("&scope=").append(encode(scope));
    }
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url.toString())).GET();
    if (user != null) {
      String pair = user + ":" + password;
      request.header("Authorization",
          "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** The token of a successful answer; fails the test otherwise. */
  String token(String realm, String service, String user, String password, String... scopes)
      throws IOException, InterruptedException {
    HttpResponse<String> answer = askToken(realm, service, user, password, scopes);
    if (answer.statusCode() != 200) {
      throw new AssertionError("token request answered " + answer.statusCode() + ": "
          + answer.body());
    }
    return JSON.readTree(answer.body()).path("token").asText();
  }

  /** A registry call; {@code token} null for none. */
  HttpResponse<String> call(String method, String url, String token, byte[] body)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url))
            .method(method, body == null
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(body));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** The decoded JSON of one part of a compact JWT: 0 the header, 1 the claims. */
  static JsonNode jwtPart(String token, int part) throws IOException {
    return JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[part]));
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
