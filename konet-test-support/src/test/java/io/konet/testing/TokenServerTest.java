package io.konet.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.SignedJWT;
import java.net.http.HttpResponse;
import java.security.interfaces.RSAPublicKey;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The token protocol alone, without a registry. */
class TokenServerTest {

  private static final String SERVICE = "registry.test";
  private static TokenServer server;
  private final TokenClient client = new TokenClient();

  @BeforeAll
  static void start() {
    server =
        TokenServer.start(
            SERVICE,
            TokenPolicy.builder()
                .user("builder", "builder-secret")
                .allow("builder", "dotnet/*", "pull")
                .allow("builder", "apps/*", "pull", "push")
                .allowAnonymous("dotnet/*", "pull")
                .build());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @BeforeEach
  void forget() {
    server.clearRequests();
  }

  @Test
  void grantsWhatThePolicyAllowsOfWhatWasAsked() throws Exception {
    String token =
        client.token(server.realm(), SERVICE, "builder", "builder-secret",
            "repository:apps/hello:pull,push", "repository:dotnet/runtime:pull,push",
            "repository:other/thing:pull");

    JsonNode access = TokenClient.jwtPart(token, 1).path("access");
    assertThat(access).hasSize(2);
    assertThat(access.get(0).toString())
        .isEqualTo("{\"type\":\"repository\",\"name\":\"apps/hello\","
            + "\"actions\":[\"pull\",\"push\"]}");
    assertThat(access.get(1).path("name").asText()).isEqualTo("dotnet/runtime");
    assertThat(access.get(1).path("actions").toString()).isEqualTo("[\"pull\"]");
    assertThat(server.requests())
        .containsExactly(
            new TokenRequest("builder", SERVICE,
                List.of("repository:apps/hello:pull,push", "repository:dotnet/runtime:pull,push",
                    "repository:other/thing:pull"),
                List.of("repository:apps/hello:pull,push", "repository:dotnet/runtime:pull"),
                200));
  }

  @Test
  void tokensAreRs256JwtsTheRegistryCanCheck() throws Exception {
    HttpResponse<String> answer =
        client.askToken(server.realm(), SERVICE, null, null, "repository:dotnet/runtime:pull");
    JsonNode body = new ObjectMapper().readTree(answer.body());
    String token = body.path("token").asText();

    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(body.path("access_token").asText()).isEqualTo(token);
    assertThat(body.path("expires_in").asInt()).isEqualTo(300);
    assertThat(body.path("issued_at").asText()).matches("\\d{4}-\\d\\d-\\d\\dT[0-9:]+Z");
    JsonNode header = TokenClient.jwtPart(token, 0);
    assertThat(header.path("alg").asText()).isEqualTo("RS256");
    assertThat(header.path("kid").asText())
        .isEqualTo(server.signingKey().keyId())
        .matches("([A-Z2-7]{4}:){11}[A-Z2-7]{4}");
    JsonNode claims = TokenClient.jwtPart(token, 1);
    assertThat(claims.path("iss").asText()).isEqualTo(TokenServer.ISSUER);
    // distribution 2.8 reads aud as one string; an array would not match its service.
    assertThat(claims.path("aud").isTextual()).isTrue();
    assertThat(claims.path("aud").asText()).isEqualTo(SERVICE);
    assertThat(claims.path("exp").asLong() - claims.path("nbf").asLong()).isEqualTo(300);
    assertThat(claims.path("sub").asText()).isEmpty();
    RSAPublicKey publicKey = (RSAPublicKey) server.signingKey().certificate().getPublicKey();
    assertThat(SignedJWT.parse(token).verify(new RSASSAVerifier(publicKey))).isTrue();
  }

  @Test
  void aWrongPasswordIsRefusedAndNeverRecorded() throws Exception {
    HttpResponse<String> answer =
        client.askToken(server.realm(), SERVICE, "builder", "not-the-secret",
            "repository:apps/hello:pull,push");

    assertThat(answer.statusCode()).isEqualTo(401);
    assertThat(answer.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
        challenge -> assertThat(challenge).startsWith("Basic realm="));
    assertThat(answer.body()).doesNotContain("not-the-secret").doesNotContain("token\"");
    assertThat(server.requests()).singleElement().satisfies(request -> {
      assertThat(request.user()).isEqualTo("builder");
      assertThat(request.status()).isEqualTo(401);
      assertThat(request.scopesGranted()).isEmpty();
      assertThat(request.toString()).doesNotContain("not-the-secret");
    });
    assertThat(client.askToken(server.realm(), SERVICE, "nobody", "x").statusCode())
        .isEqualTo(401);
  }

  @Test
  void anonymousRequestsGetOnlyTheAnonymousGrants() throws Exception {
    String token =
        client.token(server.realm(), SERVICE, null, null,
            "repository:dotnet/runtime:pull,push", "repository:apps/hello:pull");

    assertThat(TokenClient.jwtPart(token, 1).path("access").toString())
        .isEqualTo("[{\"type\":\"repository\",\"name\":\"dotnet/runtime\","
            + "\"actions\":[\"pull\"]}]");
    assertThat(server.requestsBy("")).singleElement().satisfies(request -> {
      assertThat(request.anonymous()).isTrue();
      assertThat(request.scopesGranted()).containsExactly("repository:dotnet/runtime:pull");
    });
  }

  @Test
  void aPrivatePolicyRefusesAnonymousRequests() throws Exception {
    try (TokenServer closed =
        TokenServer.start(SERVICE,
            TokenPolicy.builder().user("u", "p").allow("u", "*", "pull").build())) {
      assertThat(client.askToken(closed.realm(), SERVICE, null, null,
          "repository:a/b:pull").statusCode()).isEqualTo(401);
      assertThat(client.token(closed.realm(), SERVICE, "u", "p", "repository:a/b:pull"))
          .isNotEmpty();
    }
  }

  @Test
  void scopesMayComeSpaceSeparatedInOneParameter() throws Exception {
    String token =
        client.token(server.realm(), SERVICE, "builder", "builder-secret",
            "repository:apps/a:push repository:apps/b:pull");

    assertThat(TokenClient.jwtPart(token, 1).path("access")).hasSize(2);
  }

  @Test
  void anotherServiceIsRefused() throws Exception {
    assertThat(client.askToken(server.realm(), "elsewhere", "builder", "builder-secret",
        "repository:apps/a:pull").statusCode()).isEqualTo(400);
  }
}
