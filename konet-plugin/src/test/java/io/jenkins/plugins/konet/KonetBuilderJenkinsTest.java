package io.jenkins.plugins.konet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import hudson.FilePath;
import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import hudson.model.Label;
import hudson.slaves.DumbSlave;
import io.konet.testing.BaseImageSeeder;
import io.konet.testing.RawManifest;
import io.konet.testing.SampleProjects;
import io.konet.testing.StandInDotnet;
import io.konet.testing.TestRegistry;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.BuildWatcherExtension;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/** The freestyle build step on an agent, with build variables expanded in the tag. */
@WithJenkins
class KonetBuilderJenkinsTest {

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
  void pushesToTheTagNamedByTheBuildNumber(JenkinsRule j) throws Exception {
    DumbSlave agent = j.createOnlineSlave(Label.get("linux"));
    FreeStyleProject project = j.createFreeStyleProject("freestyle");
    project.setAssignedLabel(Label.get("linux"));
    copySampleInto(agent.getWorkspaceFor(project));
    KonetBuilder builder =
        new KonetBuilder(target.hostPort() + "/samples/freestyle:${BUILD_NUMBER}");
    builder.setPlatforms(List.of("linux/amd64"));
    builder.setProject("hello/hello.csproj");
    builder.setDotnet(dotnet.toString());
    builder.setMirror(mcr.hostPort());
    project.getBuildersList().add(builder);

    FreeStyleBuild build = j.buildAndAssertSuccess(project);

    assertEquals(1, build.getNumber());
    assertEquals(List.of("1"), target.http().tags("samples/freestyle"));
    RawManifest index = target.http().getManifest("samples/freestyle", "1");
    KonetImageAction action = build.getAction(KonetImageAction.class);
    assertNotNull(action, "the build records what it pushed");
    assertEquals(index.digest(), action.getImages().get(0).getDigest());
    assertEquals(List.of("1"), action.getImages().get(0).getTags());
  }

  /** Copies samples/hello to {@code workspace/hello}, the job's workspace on the agent. */
  private static void copySampleInto(FilePath workspace) {
    assertNotNull(workspace, "the agent is online");
    SampleProjects.copyHello(Path.of(workspace.getRemote()).resolve("hello"));
  }
}
