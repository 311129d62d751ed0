package io.jenkins.plugins.konet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hudson.AbortException;
import hudson.EnvVars;
import io.jenkins.plugins.konet.standins.StandInAgent;
import io.jenkins.plugins.konet.standins.StandInCredentialsStore;
import io.konet.testing.RawManifest;
import io.konet.testing.StandInDotnet;
import java.io.ByteArrayOutputStream;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code konetBuild} over the Jenkins stand-ins, against real registries: credentials are looked
 * up on the controller only and their password never reaches anything sent to an agent; platforms
 * reach the right publishes; errors end the build with one clear sentence.
 */
class KonetBuildStepStandInTest {

  @TempDir static Path shared;
  static StandInBuildFixture fixture;

  @BeforeAll
  static void start() throws Exception {
    fixture = new StandInBuildFixture(shared);
  }

  @AfterAll
  static void stop() {
    fixture.close();
  }

  @BeforeEach
  void freshJenkins() throws Exception {
    fixture.startJenkins();
    StandInCredentialsStore.addUsernamePassword("registry", "alice", StandInBuildFixture.PASSWORD);
    StandInCredentialsStore.addUsernamePassword("wrong", "alice", "not-the-password");
    Files.deleteIfExists(fixture.dotnetLog);
  }

  private KonetBuildStep step(String tag, Path project, String... platforms) {
    KonetBuildStep step = new KonetBuildStep(tag);
    step.setPlatforms(List.of(platforms));
    step.setProject(project.toString());
    step.setDotnet(fixture.dotnet.toString());
    step.setMirror(fixture.mcr.hostPort());
    return step;
  }

  @Test
  void pushesWithStoreCredentialsThatNeverLeaveTheController() throws Exception {
    StandInBuildFixture.Build build = fixture.new Build("shop-api");
    Path project = build.workspaceWithHello("");
    KonetBuildStep step =
        step(fixture.secured.hostPort() + "/shop/api:1.0", project, "linux/amd64",
            "windows/amd64:ltsc2022");
    step.setCredentialsId("registry");

    Object digest = build.runOn("", project.getParent().getParent(), step);

    RawManifest index = fixture.secured.http().getManifest("shop/api", "1.0");
    assertThat(digest).isEqualTo(index.digest());
    assertThat(StandInCredentialsStore.lookups())
        .isNotEmpty()
        .allSatisfy(lookup -> {
          assertThat(lookup.agentSide()).isFalse();
          assertThat(lookup.id()).isEqualTo("registry");
        });
    assertThat(StandInCredentialsStore.tracks()).extracting(track -> track.credentialsId())
        .contains("registry");
    List<StandInAgent.Sent> sent = StandInAgent.sent();
    assertThat(sent).extracting(s -> s.callable().getClass().getSimpleName())
        .contains("LocateProject", "PackLayers");
    for (StandInAgent.Sent callable : sent) {
      assertThat(serialized(callable.callable())).doesNotContain(StandInBuildFixture.PASSWORD);
    }
    assertThat(build.log()).doesNotContain(StandInBuildFixture.PASSWORD)
        .contains("[konet] pushed index " + index.digest());
    KonetImageAction action = build.run.getAction(KonetImageAction.class);
    assertThat(action.getImages()).singleElement().satisfies(image -> {
      assertThat(image.getDigest()).isEqualTo(index.digest());
      assertThat(image.getPlatforms()).extracting(KonetImageAction.PlatformImage::getPlatform)
          .containsExactly("linux/amd64", "windows/amd64:ltsc2022");
    });
    EnvVars environment = new EnvVars();
    action.buildEnvironment(build.run, environment);
    assertThat(environment.get("KONET_IMAGE_DIGEST")).isEqualTo(index.digest());
    assertThat(environment.get("KONET_IMAGE"))
        .isEqualTo(fixture.secured.hostPort() + "/shop/api@" + index.digest());
  }

  @Test
  void aWrongPasswordFailsWithOneSentenceAndTagsNothing() throws Exception {
    StandInBuildFixture.Build build = fixture.new Build("wrong-password");
    Path project = build.workspaceWithHello("");
    KonetBuildStep step =
        step(fixture.secured.hostPort() + "/shop/wrong:1.0", project, "linux/amd64");
    step.setCredentialsId("wrong");

    assertThatThrownBy(() -> build.runOn("", project.getParent().getParent(), step))
        .isInstanceOf(ExecutionException.class)
        .cause()
        .isInstanceOf(AbortException.class)
        .hasMessage("Registry " + fixture.secured.hostPort() + " refused the credentials of user"
            + " 'alice' (HTTP 401) while checking the right to push to shop/wrong.");
    assertThat(fixture.secured.http().findManifest("shop/wrong", "1.0")).isEmpty();
    assertThat(build.log()).doesNotContain("not-the-password");
  }

  @Test
  void unknownCredentialsAreNamed() throws Exception {
    StandInBuildFixture.Build build = fixture.new Build("unknown-credentials");
    Path project = build.workspaceWithHello("");
    KonetBuildStep step = step(fixture.target.hostPort() + "/x/y:1", project, "linux/amd64");
    step.setCredentialsId("nope");

    assertThatThrownBy(() -> build.runOn("", project.getParent().getParent(), step))
        .cause()
        .isInstanceOf(AbortException.class)
        .hasMessage("No username/password credentials with id 'nope' are available to this build.");
  }

  @Test
  void platformsReachOnePublishPerRuntimeIdentifier() throws Exception {
    StandInBuildFixture.Build build = fixture.new Build("routing");
    Path project = build.workspaceWithHello("");
    KonetBuildStep step =
        step(fixture.target.hostPort() + "/routing/app:1", project,
            "linux/amd64,linux/arm64\nwindows/amd64:ltsc2022", "windows/amd64:1809");

    build.runOn("", project.getParent().getParent(), step);

    assertThat(StandInDotnet.publishCount(fixture.dotnetLog, "linux-x64")).isEqualTo(1);
    assertThat(StandInDotnet.publishCount(fixture.dotnetLog, "linux-arm64")).isEqualTo(1);
    assertThat(StandInDotnet.publishCount(fixture.dotnetLog, "win-x64")).isEqualTo(1);
    assertThat(StandInDotnet.publishCount(fixture.dotnetLog, "linux-arm")).isZero();
    assertThat(fixture.target.http().getManifest("routing/app", "1").json().path("manifests"))
        .hasSize(4);
  }

  @Test
  void badInputFailsBeforeAnythingRunsOnTheAgent() throws Exception {
    StandInBuildFixture.Build build = fixture.new Build("bad-input");
    Path project = build.workspaceWithHello("");
    Path workspace = project.getParent().getParent();

    assertThatThrownBy(() -> build.runOn("", workspace,
            step(fixture.target.hostPort() + "/Shop/API:1", project, "linux/amd64")))
        .cause()
        .isInstanceOf(AbortException.class)
        .hasMessageContaining("repository names must be lowercase");
    assertThatThrownBy(() -> build.runOn("", workspace,
            step(fixture.target.hostPort() + "/shop/api:1", project, "linux/riscv64")))
        .cause()
        .isInstanceOf(AbortException.class)
        .hasMessageStartingWith("Unknown platform 'linux/riscv64'");
    KonetBuildStep badMode = step(fixture.target.hostPort() + "/shop/api:1", project,
        "linux/amd64");
    badMode.setMode("portable");
    assertThatThrownBy(() -> build.runOn("", workspace, badMode))
        .cause()
        .hasMessage("Unknown publish mode 'portable'; use self-contained, framework-dependent or"
            + " aot.");
    assertThat(StandInAgent.sent()).isEmpty();
  }

  private static String serialized(Object object) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(object);
    }
    return bytes.toString(StandardCharsets.ISO_8859_1);
  }
}
