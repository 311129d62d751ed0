package io.jenkins.plugins.konet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hudson.AbortException;
import hudson.model.Run;
import io.konet.testing.RawManifest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The split form over the stand-ins: {@code konetPublish} on two agents, one {@code konetPush}
 * giving one index with Linux and Windows, and nothing left in the agents' temporary folders.
 */
class SplitFormStandInTest {

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
    fixture.startJenkins("linux-agent", "windows-agent");
  }

  private KonetPublishStep publish(Path project, String platform) {
    KonetPublishStep step = new KonetPublishStep();
    step.setPlatforms(List.of(platform));
    step.setProject(project.toString());
    step.setDotnet(fixture.dotnet.toString());
    return step;
  }

  private KonetPushStep push(String repositoryAndTag) {
    KonetPushStep step = new KonetPushStep(fixture.target.hostPort() + "/" + repositoryAndTag);
    step.setMirror(fixture.mcr.hostPort());
    return step;
  }

  @Test
  void publishesOnTwoAgentsAndPushesOneIndex() throws Exception {
    StandInBuildFixture.Build build = fixture.new Build("split");
    Path linuxProject = build.workspaceWithHello("linux-agent");
    Path windowsProject = build.workspaceWithHello("windows-agent");
    Path linuxWorkspace = linuxProject.getParent().getParent();
    Path windowsWorkspace = windowsProject.getParent().getParent();

    Object linuxRids =
        build.runOn("linux-agent", linuxWorkspace, publish(linuxProject, "linux/amd64"));
    Object windowsRids =
        build.runOn("windows-agent", windowsWorkspace,
            publish(windowsProject, "windows/amd64:ltsc2022"));
    assertThat(scratch(linuxWorkspace)).isNotEmpty();
    Object digest = build.runOnController(push("split/app:1"));

    assertThat(linuxRids).isEqualTo(List.of("linux-x64"));
    assertThat(windowsRids).isEqualTo(List.of("win-x64"));
    RawManifest index = fixture.target.http().getManifest("split/app", "1");
    assertThat(digest).isEqualTo(index.digest());
    List<String> platforms = new ArrayList<>();
    index.json().path("manifests").forEach(entry -> platforms.add(
        entry.path("platform").path("os").asText()));
    assertThat(platforms).containsExactly("linux", "windows");
    assertThat(scratch(linuxWorkspace)).isEmpty();
    assertThat(scratch(windowsWorkspace)).isEmpty();
    assertThatThrownBy(() -> build.runOnController(push("split/app:2")))
        .cause()
        .isInstanceOf(AbortException.class)
        .hasMessage("Nothing to push: run konetPublish in this build first (inside node blocks).");
  }

  @Test
  void layersThatWereNeverPushedAreRemovedWhenTheBuildEnds() throws Exception {
    StandInBuildFixture.Build build = fixture.new Build("abandoned");
    Path project = build.workspaceWithHello("linux-agent");
    Path workspace = project.getParent().getParent();
    build.runOn("linux-agent", workspace, publish(project, "linux/amd64"));
    assertThat(scratch(workspace)).isNotEmpty();

    new KonetRunListener().onCompleted((Run) build.run, build.listener);

    assertThat(scratch(workspace)).isEmpty();
    assertThat(build.log()).contains("removing layers of 1 publication(s) that were not pushed");
  }

  @Test
  void aFailedPushKeepsThePublicationsForARetry() throws Exception {
    StandInBuildFixture.Build build = fixture.new Build("retry");
    Path project = build.workspaceWithHello("linux-agent");
    Path workspace = project.getParent().getParent();
    build.runOn("linux-agent", workspace, publish(project, "linux/amd64"));
    KonetPushStep unreachable = new KonetPushStep("127.0.0.1:9/retry/app:1");
    unreachable.setMirror(fixture.mcr.hostPort());

    assertThatThrownBy(() -> build.runOnController(unreachable))
        .cause()
        .isInstanceOf(AbortException.class)
        .hasMessageContaining("Cannot reach registry 127.0.0.1:9");
    Object digest = build.runOnController(push("retry/app:1"));

    assertThat(digest).isEqualTo(fixture.target.http().getManifest("retry/app", "1").digest());
    assertThat(scratch(workspace)).isEmpty();
  }

  /** The konet directories in the workspace's {@code @tmp} sibling. */
  private static List<Path> scratch(Path workspace) throws Exception {
    Path temporary = workspace.resolveSibling(workspace.getFileName() + "@tmp");
    if (!Files.isDirectory(temporary)) {
      return List.of();
    }
    try (Stream<Path> children = Files.list(temporary)) {
      return children.filter(p -> p.getFileName().toString().startsWith("konet")).toList();
    }
  }
}
