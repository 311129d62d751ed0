package io.konet.core.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.konet.core.KonetException;
import io.konet.core.build.BuildRequest;
import io.konet.core.build.ImageBuild;
import io.konet.core.build.LocalBuildNode;
import io.konet.core.build.RecordingLog;
import io.konet.core.image.ImageSettings;
import io.konet.core.platform.PlatformParser;
import io.konet.core.publish.PublishSettings;
import io.konet.core.push.PushResult;
import io.konet.testing.BaseImageSeeder;
import io.konet.testing.SampleProjects;
import io.konet.testing.StandInDotnet;
import io.konet.testing.TokenAuthRegistry;
import io.konet.testing.TokenPolicy;
import io.konet.testing.TokenRequest;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine against registries in token mode, as Docker Hub, GHCR and Harbor run: the base
 * images come from a registry that lets anyone pull, the image goes to one where only {@code
 * builder} may push.
 */
class TokenAuthTest {

  private static final String BUILDER_PASSWORD = "builder-Secret-71";
  private static final String READER_PASSWORD = "reader-Secret-53";

  @TempDir static Path shared;
  static TokenAuthRegistry mcr;
  static TokenAuthRegistry target;
  static Path dotnet;

  @BeforeAll
  static void start() {
    mcr =
        TokenAuthRegistry.start(
            shared.resolve("mcr"),
            TokenPolicy.builder()
                .allowAnonymous("dotnet/*", "pull")
                .allowAnonymous("windows/*", "pull")
                .build());
    // Seeded through the back door, an open registry over the same storage: the seeder speaks
    // basic authentication only, and tokens would only slow seeding down.
    BaseImageSeeder.seed(mcr.backDoor().http(), mcr.hostPort());
    target =
        TokenAuthRegistry.start(
            shared.resolve("target"),
            TokenPolicy.builder()
                .user("builder", BUILDER_PASSWORD)
                .user("reader", READER_PASSWORD)
                .allow("builder", "apps/*", "pull", "push")
                .allow("builder", "dotnet/*", "pull")
                .allow("reader", "apps/*", "pull")
                .build());
    BaseImageSeeder.seed(target.backDoor().http(), target.hostPort(), "dotnet/runtime-deps:8.0");
    dotnet = StandInDotnet.install(shared.resolve("dotnet"));
  }

  @AfterAll
  static void stop() {
    target.close();
    mcr.close();
  }

  @BeforeEach
  void forgetTokenRequests() {
    mcr.tokens().clearRequests();
    target.tokens().clearRequests();
  }

  @Test
  void pushesWithPullTokensForTheBaseImagesAndAPushTokenForTheTarget(@TempDir Path temp)
      throws Exception {
    Path project = SampleProjects.copyHello(temp.resolve("src"));

    PushResult result =
        build(project, "linux/amd64,windows/amd64:ltsc2022", "apps/hello:1", "builder",
            BUILDER_PASSWORD, mcr, new RecordingLog());

    assertThat(target.backDoor().http().getManifest("apps/hello", "1").digest())
        .isEqualTo(result.indexDigest());
    List<TokenRequest> base = mcr.tokens().requests();
    assertThat(base).isNotEmpty().allSatisfy(request -> {
      assertThat(request.anonymous()).isTrue();
      assertThat(request.succeeded()).isTrue();
      assertThat(request.scopesAsked()).allMatch(scope -> scope.endsWith(":pull"));
      assertThat(request.scopesGranted()).isEqualTo(request.scopesAsked());
    });
    // The sample is self-contained: runtime-deps for Linux, Nano Server for Windows.
    assertThat(base).flatMap(TokenRequest::scopesGranted)
        .containsOnly("repository:dotnet/runtime-deps:pull", "repository:windows/nanoserver:pull");
    List<TokenRequest> pushed = target.tokens().requests();
    assertThat(pushed).isNotEmpty().allSatisfy(request -> {
      assertThat(request.user()).isEqualTo("builder");
      assertThat(request.succeeded()).isTrue();
      assertThat(request.scopesGranted()).isEqualTo(request.scopesAsked());
    });
    assertThat(pushed).flatMap(TokenRequest::scopesGranted)
        .contains("repository:apps/hello:pull,push");
  }

  @Test
  void baseLayersInTheTargetRegistryAreMountedWithOneTokenForBothRepositories(@TempDir Path temp)
      throws Exception {
    Path project = SampleProjects.copyHello(temp.resolve("src"));

    PushResult result =
        build(project, "linux/amd64", "apps/mounted:1", "builder", BUILDER_PASSWORD, target,
            new RecordingLog());

    // Two base layers (the distribution's and runtime-deps'), linked instead of uploaded.
    assertThat(result.statistics().blobsMounted()).isEqualTo(2);
    assertThat(target.backDoor().http().getManifest("apps/mounted", "1").digest())
        .isEqualTo(result.indexDigest());
    assertThat(target.tokens().requests())
        .allSatisfy(request -> assertThat(request.user()).isEqualTo("builder"))
        .anySatisfy(request -> assertThat(request.scopesGranted()).containsExactly(
            "repository:apps/mounted:pull,push", "repository:dotnet/runtime-deps:pull"));
  }

  @Test
  void aWrongPasswordFailsInOneLineNamingTheRegistryAndTheUser(@TempDir Path temp)
      throws Exception {
    Path project = SampleProjects.copyHello(temp.resolve("src"));
    RecordingLog log = new RecordingLog();

    assertThatThrownBy(
            () -> build(project, "linux/amd64", "apps/wrong:1", "builder",
                "not-" + BUILDER_PASSWORD, mcr, log))
        .isInstanceOf(KonetException.class)
        .satisfies(failure -> assertThat(failure.getMessage())
            .doesNotContain("\n")
            .contains(target.hostPort())
            .contains("user 'builder'")
            .doesNotContain(BUILDER_PASSWORD));
    assertThat(target.tokens().requestsBy("builder"))
        .isNotEmpty()
        .allSatisfy(request -> assertThat(request.status()).isEqualTo(401));
    assertThat(target.backDoor().http().tags("apps/wrong")).isEmpty();
    assertThat(log.all()).noneMatch(line -> line.contains(BUILDER_PASSWORD));
  }

  @Test
  void aUserWithoutPushRightsFailsInOneLineAndNothingIsTagged(@TempDir Path temp)
      throws Exception {
    Path project = SampleProjects.copyHello(temp.resolve("src"));
    RecordingLog log = new RecordingLog();

    assertThatThrownBy(
            () -> build(project, "linux/amd64", "apps/denied:1", "reader", READER_PASSWORD, mcr,
                log))
        .isInstanceOf(KonetException.class)
        .satisfies(failure -> assertThat(failure.getMessage())
            .doesNotContain("\n")
            .contains(target.hostPort())
            .contains("user 'reader'")
            .doesNotContain(READER_PASSWORD));
    assertThat(target.tokens().requestsBy("reader")).isNotEmpty().allSatisfy(request -> {
      assertThat(request.succeeded()).isTrue();
      assertThat(request.scopesGranted()).containsExactly("repository:apps/denied:pull");
    });
    assertThat(target.backDoor().http().tags("apps/denied")).isEmpty();
    assertThat(log.all()).noneMatch(line -> line.contains(READER_PASSWORD));
  }

  @Test
  void aMissingPushRightIsFoundBeforePublishingAndCalledADenial(@TempDir Path temp)
      throws Exception {
    Path project = SampleProjects.copyHello(temp.resolve("src"));
    RecordingLog log = new RecordingLog();

    assertThatThrownBy(
            () -> build(project, "linux/amd64", "apps/denied:2", "reader", READER_PASSWORD, mcr,
                log))
        .isInstanceOf(KonetException.class)
        .satisfies(failure -> assertThat(failure.getMessage())
            .contains("denied user 'reader'")
            .contains("apps/denied")
            .doesNotContain("refused the credentials"));
    assertThat(log.info()).noneMatch(line -> line.startsWith("publishing"));
  }

  /** Builds and pushes to the target as {@code user}, with base images from {@code base}. */
  private static PushResult build(
      Path project, String platforms, String repositoryAndTag, String user, String password,
      TokenAuthRegistry base, RecordingLog log) throws Exception {
    BuildRequest request =
        new BuildRequest(
            project.toString(),
            PlatformParser.parseList(platforms),
            PublishSettings.builder().dotnet(dotnet.toString()).build(),
            ImageSettings.builder().build(),
            List.of(ImageName.parse(target.hostPort() + "/" + repositoryAndTag)),
            null,
            false,
            4);
    RegistrySettings settings =
        new RegistrySettings(Set.of(), Map.of(BaseImageSeeder.MCR, base.hostPort()));
    CredentialSource credentials =
        CredentialSource.anonymous()
            .withExplicit(target.hostPort(), new RegistryCredential(user, password, "the test"));
    try (RegistrySession session = new RegistrySession(settings, credentials, log)) {
      return new ImageBuild(LocalBuildNode.here(), session, log).run(request);
    }
  }
}
