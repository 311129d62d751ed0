package io.jenkins.plugins.konet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.SystemCredentialsProvider;
import com.cloudbees.plugins.credentials.impl.UsernamePasswordCredentialsImpl;
import hudson.FilePath;
import hudson.model.Label;
import hudson.model.Result;
import hudson.slaves.DumbSlave;
import io.konet.testing.BaseImageSeeder;
import io.konet.testing.RawManifest;
import io.konet.testing.SampleProjects;
import io.konet.testing.StandInDotnet;
import io.konet.testing.TestRegistry;
import java.nio.file.Path;
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
 * Registry credentials from the Jenkins credential store, named by {@code credentialsId}, pushing
 * to a registry that demands HTTP basic authentication. The password must never reach the log.
 */
@WithJenkins
class KonetCredentialsJenkinsTest {

  private static final String PASSWORD = "correct-horse-battery-staple-41";

  @RegisterExtension static final BuildWatcherExtension BUILD_WATCHER = new BuildWatcherExtension();

  @TempDir static Path shared;
  static TestRegistry mcr;
  static TestRegistry secured;
  static Path dotnet;

  @BeforeAll
  static void startRegistries() {
    mcr = TestRegistry.start(shared.resolve("mcr"));
    secured = TestRegistry.startWithBasicAuth(shared.resolve("secured"), "alice", PASSWORD);
    BaseImageSeeder.seed(mcr);
    dotnet = StandInDotnet.install(shared.resolve("dotnet"));
  }

  @AfterAll
  static void stopRegistries() {
    if (secured != null) {
      secured.close();
    }
    if (mcr != null) {
      mcr.close();
    }
  }

  @Test
  void pushesWithTheUsernameAndPasswordFromTheStore(JenkinsRule j) throws Exception {
    addCredentials("registry", "alice", PASSWORD);
    WorkflowJob job = pushingJob(j, "good", "good/auth:1");

    WorkflowRun run = j.buildAndAssertSuccess(job);

    j.assertLogNotContains(PASSWORD, run);
    RawManifest index = secured.http().getManifest("good/auth", "1");
    KonetImageAction action = run.getAction(KonetImageAction.class);
    assertNotNull(action, "the build records what it pushed");
    assertEquals(index.digest(), action.getImages().get(0).getDigest());
  }

  @Test
  void wrongPasswordFailsWithOneSentenceAndPushesNothing(JenkinsRule j) throws Exception {
    addCredentials("registry", "alice", "not-" + PASSWORD);
    WorkflowJob job = pushingJob(j, "bad", "bad/auth:1");

    WorkflowRun run = j.buildAndAssertStatus(Result.FAILURE, job);

    j.assertLogContains("Registry " + secured.hostPort()
        + " refused the credentials of user 'alice' (HTTP 401)", run);
    // Covers the wrong password too, which contains the right one.
    j.assertLogNotContains(PASSWORD, run);
    j.assertLogNotContains("\tat ", run);
    assertTrue(secured.http().findManifest("bad/auth", "1").isEmpty(), "no index at the tag");
  }

  /** Global username/password credentials, as an administrator would add them. */
  private static void addCredentials(String id, String username, String password)
      throws Exception {
    SystemCredentialsProvider store = SystemCredentialsProvider.getInstance();
    store.getCredentials().add(new UsernamePasswordCredentialsImpl(
        CredentialsScope.GLOBAL, id, "test registry", username, password));
    store.save();
  }

  /** A Pipeline that builds samples/hello for linux/amd64 on an agent and pushes to the tag. */
  private static WorkflowJob pushingJob(JenkinsRule j, String name, String repositoryAndTag)
      throws Exception {
    DumbSlave agent = j.createOnlineSlave(Label.get("linux"));
    WorkflowJob job = j.createProject(WorkflowJob.class, name);
    FilePath workspace = agent.getWorkspaceFor(job);
    assertNotNull(workspace, "the agent is online");
    SampleProjects.copyHello(Path.of(workspace.getRemote()).resolve("hello"));
    job.setDefinition(new CpsFlowDefinition("""
        node('linux') {
          konetBuild(tag: '%s', platforms: ['linux/amd64'], project: 'hello/hello.csproj',
              dotnet: '%s', mirror: '%s', credentialsId: 'registry')
        }
        """.formatted(secured.hostPort() + "/" + repositoryAndTag, dotnet, mcr.hostPort()),
        true));
    return job;
  }
}
