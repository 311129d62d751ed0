package io.konet.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real registry in token mode accepts and refuses what the token server's tokens say. */
class TokenAuthRegistryTest {

  @TempDir static Path workDir;
  static TokenAuthRegistry registry;
  static String seededBlob;
  final TokenClient client = new TokenClient();

  @BeforeAll
  static void start() {
    registry =
        TokenAuthRegistry.start(
            workDir,
            TokenPolicy.builder()
                .user("builder", "builder-secret")
                .user("reader", "reader-secret")
                .allow("builder", "apps/*", "pull", "push")
                .allow("reader", "apps/*", "pull")
                .allowAnonymous("dotnet/*", "pull")
                .build());
    seededBlob =
        registry.backDoor().http()
            .putBlob("dotnet/runtime", "base layer".getBytes(StandardCharsets.UTF_8));
  }

  @AfterAll
  static void stop() {
    registry.close();
  }

  @Test
  void withoutATokenTheRegistryAnswers401WithABearerChallengeNamingTheRealm() throws Exception {
    HttpResponse<String> answer =
        client.call("HEAD", blobUrl("dotnet/runtime", seededBlob), null, null);

    assertThat(answer.statusCode()).isEqualTo(401);
    assertThat(answer.headers().firstValue("WWW-Authenticate"))
        .hasValue("Bearer realm=\"" + registry.tokens().realm() + "\",service=\""
            + TokenAuthRegistry.SERVICE + "\",scope=\"repository:dotnet/runtime:pull\"");
    assertThat(client.call("GET", "http://" + registry.hostPort() + "/v2/", null, null)
        .statusCode()).isEqualTo(401);
  }

  @Test
  void anAnonymousPullTokenReadsWhatThePolicyLetsEveryoneRead() throws Exception {
    String token = anonymousToken("repository:dotnet/runtime:pull");

    HttpResponse<String> blob =
        client.call("GET", blobUrl("dotnet/runtime", seededBlob), token, null);

    assertThat(blob.statusCode()).isEqualTo(200);
    assertThat(blob.body()).isEqualTo("base layer");
    assertThat(client.call("GET", "http://" + registry.hostPort() + "/v2/", token, null)
        .statusCode()).isEqualTo(200);
  }

  @Test
  void aPushWithAPullOnlyTokenIsRefused() throws Exception {
    String token =
        client.token(registry.tokens().realm(), TokenAuthRegistry.SERVICE, "reader",
            "reader-secret", "repository:apps/refused:pull,push");

    HttpResponse<String> upload =
        client.call("POST", uploadUrl("apps/refused"), token, null);

    assertThat(upload.statusCode()).isEqualTo(401);
    assertThat(upload.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
        challenge -> assertThat(challenge)
            // The registry lists the actions in no fixed order.
            .containsPattern("scope=\"repository:apps/refused:(pull,push|push,pull)\"")
            .contains("error=\"insufficient_scope\""));
    assertThat(registry.backDoor().http().catalog()).doesNotContain("apps/refused");
  }

  @Test
  void aPushTokenUploadsAndTheBlobIsStored() throws Exception {
    String token =
        client.token(registry.tokens().realm(), TokenAuthRegistry.SERVICE, "builder",
            "builder-secret", "repository:apps/pushed:pull,push");
    byte[] content = "app layer".getBytes(StandardCharsets.UTF_8);
    String digest = RegistryHttp.digestOf(content);

    HttpResponse<String> started = client.call("POST", uploadUrl("apps/pushed"), token, null);
    String location = started.headers().firstValue("Location").orElseThrow();
    HttpResponse<String> finished =
        client.call("PUT", URI.create(uploadUrl("apps/pushed")).resolve(location)
            + (location.contains("?") ? "&" : "?") + "digest=" + digest, token, content);

    assertThat(started.statusCode()).isEqualTo(202);
    assertThat(finished.statusCode()).isEqualTo(201);
    assertThat(registry.backDoor().http().getBlob("apps/pushed", digest)).isEqualTo(content);
  }

  @Test
  void aTokenForAnotherRepositoryIsRefused() throws Exception {
    String token = anonymousToken("repository:dotnet/aspnet:pull");

    assertThat(client.call("HEAD", blobUrl("dotnet/runtime", seededBlob), token, null)
        .statusCode()).isEqualTo(401);
  }

  @Test
  void aTokenSignedByAnUntrustedKeyIsRefused() throws Exception {
    try (TokenServer impostor =
        TokenServer.start(TokenAuthRegistry.SERVICE,
            TokenPolicy.builder().allowAnonymous("*", "pull").build())) {
      String token =
          client.token(impostor.realm(), TokenAuthRegistry.SERVICE, null, null,
              "repository:dotnet/runtime:pull");

      HttpResponse<String> answer =
          client.call("HEAD", blobUrl("dotnet/runtime", seededBlob), token, null);

      assertThat(answer.statusCode()).isEqualTo(401);
      assertThat(answer.headers().firstValue("WWW-Authenticate"))
          .hasValueSatisfying(value -> assertThat(value).contains("error=\"invalid_token\""));
    }
  }

  @Test
  void theTokenServerRecordsWhatWasAskedAndGranted() throws Exception {
    anonymousToken("repository:dotnet/sdk:pull,push");

    assertThat(registry.tokens().requestsBy(""))
        .anySatisfy(request -> {
          assertThat(request.scopesAsked()).containsExactly("repository:dotnet/sdk:pull,push");
          assertThat(request.scopesGranted()).containsExactly("repository:dotnet/sdk:pull");
        });
  }

  private String anonymousToken(String scope) throws Exception {
    return client.token(registry.tokens().realm(), TokenAuthRegistry.SERVICE, null, null, scope);
  }

  private static String blobUrl(String repository, String digest) {
    return "http://" + registry.hostPort() + "/v2/" + repository + "/blobs/" + digest;
  }

  private static String uploadUrl(String repository) {
    return "http://" + registry.hostPort() + "/v2/" + repository + "/blobs/uploads/";
  }
}
