package io.jenkins.plugins.konet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import hudson.FilePath;
import hudson.model.Label;
import hudson.slaves.DumbSlave;
import hudson.slaves.WorkspaceList;
import io.konet.testing.BaseImageSeeder;
import io.konet.testing.RawManifest;
import io.konet.testing.SampleProjects;
import io.konet.testing.StandInDotnet;
import io.konet.testing.TestRegistry;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.BuildWatcherExtension;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * The split form: {@code konetPublish} on two agents (both Linux here; the label is what
 * routes the work), then one {@code konetPush} outside any node block that reads the layers
 * from both agents and pushes a single index.
 */
@WithJenkins
class KonetSplitFormJenkinsTest {

  @RegisterExtension static final BuildWatcherExtension BUILD_WATCHER = new BuildWatcherExtension();

  @TempDir static Path shared;
  static TestRegistry mcr;
  static TestRegistry target;
  static Path dotnet;

  @BeforeAll
  static void startRegistries() {
    mcr = TestRegistry.start(shared.resolve("mcr"));
    target = TestRegistry.start(shared.resolve("target"));
    BaseImageSeeder.seed(mcr);
    dotnet = StandInDotnet.install(shared.resolve("dotnet"));
  }

  @AfterAll
  static void stopRegistries() {
    if (target != null) {
      target.close();
    }
    if (mcr != null) {
      mcr.close();
    }
  }

  @Test
  void publishesOnTwoAgentsAndPushesOneIndexFromTheController(JenkinsRule j) throws Exception {
    DumbSlave linux = j.createOnlineSlave(Label.get("linux-agent"));
    DumbSlave windows = j.createOnlineSlave(Label.get("windows-agent"));
    WorkflowJob job = j.createProject(WorkflowJob.class, "split");
    copySampleInto(linux.getWorkspaceFor(job));
    copySampleInto(windows.getWorkspaceFor(job));
    job.setDefinition(new CpsFlowDefinition("""
        node('linux-agent') {
          konetPublish(platforms: ['linux/amd64'], project: 'hello/hello.csproj', dotnet: '%2$s')
        }
        node('windows-agent') {
          konetPublish(platforms: ['windows/amd64:ltsc2022'], project: 'hello/hello.csproj',
              dotnet: '%2$s')
        }
        def digest = konetPush(tag: '%1$s', mirror: '%3$s')
        echo "digest=${digest}"
        """.formatted(target.hostPort() + "/samples/split:1.0", dotnet, mcr.hostPort()), true));

    WorkflowRun run = j.buildAndAssertSuccess(job);

    RawManifest index = target.http().getManifest("samples/split", "1.0");
    j.assertLogContains("digest=" + index.digest(), run);
    assertEquals(
        List.of("linux/amd64", "windows/amd64:" + BaseImageSeeder.OS_VERSION_LTSC2022),
        platformsIn(index).stream().sorted().toList());
    KonetImageAction action = run.getAction(KonetImageAction.class);
    assertNotNull(action, "the build records what it pushed");
    assertEquals(1, action.getImages().size(), "one index for both agents' platforms");
    assertEquals(index.digest(), action.getImages().get(0).getDigest());
    assertNoScratchLeft(linux.getWorkspaceFor(job));
    assertNoScratchLeft(windows.getWorkspaceFor(job));
  }

  /** Copies samples/hello to {@code workspace/hello}, where the Pipeline's node block runs. */
  private static void copySampleInto(FilePath workspace) {
    assertNotNull(workspace, "the agent is online");
    SampleProjects.copyHello(Path.of(workspace.getRemote()).resolve("hello"));
  }

  /**
   * The publish worked in {@code workspace@tmp} (nothing else in this Pipeline uses it), and the
   * push removed its {@code konet*} scratch directory there.
   */
  private static void assertNoScratchLeft(FilePath workspace) throws Exception {
    FilePath temporary = WorkspaceList.tempDir(workspace);
    assertNotNull(temporary);
    assertTrue(temporary.exists(), "konetPublish works in " + temporary.getRemote());
    List<String> left = new ArrayList<>();
    for (FilePath child : temporary.list()) {
      if (child.getName().startsWith("konet")) {
        left.add(child.getName());
      }
    }
    assertEquals(List.of(), left, "scratch directories left in " + temporary.getRemote());
  }

  /** Every entry of an index as {@code os/architecture[:os.version]}, in index order. */
  private static List<String> platformsIn(RawManifest index) {
    List<String> platforms = new ArrayList<>();
    for (JsonNode entry : index.json().path("manifests")) {
      JsonNode platform = entry.path("platform");
      platforms.add(platform.path("os").asText() + "/" + platform.path("architecture").asText()
          + (platform.has("os.version") ? ":" + platform.path("os.version").asText() : ""));
    }
    return platforms;
  }
}
