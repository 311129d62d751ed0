package io.jenkins.plugins.konet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.fasterxml.jackson.databind.JsonNode;
import hudson.FilePath;
import hudson.model.Label;
import hudson.slaves.DumbSlave;
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
 * {@code konetBuild} in a sandboxed Pipeline on a labelled agent, against a real registry
 * standing in for mcr.microsoft.com, a real target registry and the stand-in dotnet.
 */
@WithJenkins
class KonetBuildStepJenkinsTest {

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
  void buildsBothPlatformsOnALabelledAgentAndReturnsTheIndexDigest(JenkinsRule j)
      throws Exception {
    DumbSlave agent = j.createOnlineSlave(Label.get("linux"));
    WorkflowJob job = j.createProject(WorkflowJob.class, "hello");
    copySampleInto(agent.getWorkspaceFor(job));
    job.setDefinition(new CpsFlowDefinition("""
        node('linux') {
          def digest = konetBuild(tag: '%s',
              platforms: ['linux/amd64', 'windows/amd64:ltsc2022'],
              project: 'hello/hello.csproj', dotnet: '%s', mirror: '%s')
          echo "digest=${digest}"
          echo "env=${env.KONET_IMAGE_DIGEST}"
        }
        """.formatted(target.hostPort() + "/samples/hello:1.0", dotnet, mcr.hostPort()), true));

    WorkflowRun run = j.buildAndAssertSuccess(job);

    RawManifest index = target.http().getManifest("samples/hello", "1.0");
    j.assertLogContains("digest=" + index.digest(), run);
    j.assertLogContains("env=" + index.digest(), run);
    assertEquals(
        List.of("linux/amd64", "windows/amd64:" + BaseImageSeeder.OS_VERSION_LTSC2022),
        platformsIn(index));
    KonetImageAction action = run.getAction(KonetImageAction.class);
    assertNotNull(action, "the build records what it pushed");
    assertEquals(1, action.getImages().size());
    KonetImageAction.PushedImage image = action.getImages().get(0);
    assertEquals(index.digest(), image.getDigest());
    assertEquals(List.of("1.0"), image.getTags());
    assertEquals(
        List.of("linux/amd64", "windows/amd64:ltsc2022"),
        image.getPlatforms().stream().map(KonetImageAction.PlatformImage::getPlatform).toList());
  }

  /** Copies samples/hello to {@code workspace/hello}, where the Pipeline's node block runs. */
  private static void copySampleInto(FilePath workspace) {
    assertNotNull(workspace, "the agent is online");
    SampleProjects.copyHello(Path.of(workspace.getRemote()).resolve("hello"));
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
