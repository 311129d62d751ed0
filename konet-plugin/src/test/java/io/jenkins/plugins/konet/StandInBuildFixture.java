package io.jenkins.plugins.konet;

import hudson.EnvVars;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.Computer;
import hudson.model.Node;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.remoting.VirtualChannel;
import hudson.util.StreamTaskListener;
import io.jenkins.plugins.konet.standins.StandInJenkins;
import io.jenkins.plugins.konet.standins.StandInJob;
import io.jenkins.plugins.konet.standins.StandInRun;
import io.jenkins.plugins.konet.standins.StandInStepContext;
import io.konet.testing.BaseImageSeeder;
import io.konet.testing.SampleProjects;
import io.konet.testing.StandInDotnet;
import io.konet.testing.TestRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import jenkins.model.Jenkins;
import org.jenkinsci.plugins.workflow.steps.Step;

/**
 * Runs the plugin's steps over the Jenkins stand-ins against real registries and the stand-in
 * dotnet: a stand-in Jenkins with named nodes whose channels run callables in this JVM after a
 * serialization round trip, so what would travel to an agent can be inspected.
 */
final class StandInBuildFixture implements AutoCloseable {

  static final String PASSWORD = "s3cr3t-registry-password-7";

  final Path root;
  final TestRegistry mcr;
  final TestRegistry target;
  final TestRegistry secured;
  final Path dotnet;
  final Path dotnetLog;

  StandInBuildFixture(Path root) throws IOException {
    this.root = root;
    mcr = TestRegistry.start(root.resolve("mcr"));
    target = TestRegistry.start(root.resolve("target"));
    secured = TestRegistry.startWithBasicAuth(root.resolve("secured"), "alice", PASSWORD);
    BaseImageSeeder.seed(mcr);
    dotnet = StandInDotnet.install(root.resolve("dotnet"));
    dotnetLog = root.resolve("dotnet-invocations.log");
  }

  /** A fresh stand-in Jenkins with the built-in node and agents of the given names. */
  Jenkins startJenkins(String... agentNames) throws IOException {
    StandInJenkins.reset();
    Jenkins jenkins = StandInJenkins.install(Files.createTempDirectory(root, "jenkins").toFile());
    StandInJenkins.addComputer(localComputer(jenkins));
    for (String name : agentNames) {
      Node agent = new AgentNode(name, root.resolve("agents").resolve(name));
      StandInJenkins.addNode(agent);
      StandInJenkins.addComputer(localComputer(agent));
    }
    StandInJenkins.register(new KonetGlobalConfiguration());
    return jenkins;
  }

  private static Computer localComputer(Node node) {
    return new Computer(node) {
      @Override
      public VirtualChannel getChannel() {
        return FilePath.localChannel;
      }
    };
  }

  /** A build and the log it writes. */
  final class Build {
    final Run<?, ?> run;
    final ByteArrayOutputStream log = new ByteArrayOutputStream();
    final TaskListener listener = new StreamTaskListener(log, StandardCharsets.UTF_8);

    Build(String jobName) throws IOException {
      run = new StandInRun(StandInJob.create(jobName));
    }

    String log() {
      return log.toString(StandardCharsets.UTF_8);
    }

    /** A workspace on {@code nodeName} holding a copy of samples/hello; returns the project. */
    Path workspaceWithHello(String nodeName) throws IOException {
      Path workspace =
          Files.createDirectories(root.resolve("workspaces").resolve(run.getParent().getName()
              + "-" + (nodeName.isEmpty() ? "built-in" : nodeName)));
      return SampleProjects.copyHello(workspace.resolve("src"));
    }

    /** Runs a step as Pipeline would inside {@code node(nodeName)}; returns its value. */
    Object runOn(String nodeName, Path workspace, Step step) throws Exception {
      EnvVars environment = new EnvVars(System.getenv());
      environment.put(StandInDotnet.LOG_ENV, dotnetLog.toString());
      Node node = Jenkins.get().getNode(nodeName);
      StandInStepContext context =
          new StandInStepContext()
              .with(Run.class, run)
              .with(TaskListener.class, listener)
              .with(EnvVars.class, environment)
              .with(FilePath.class, new FilePath(FilePath.localChannel, workspace.toString()))
              .with(Launcher.class, new Launcher.LocalLauncher(listener))
              .with(Computer.class, node.toComputer());
      step.start(context).start();
      return context.await(2, TimeUnit.MINUTES);
    }

    /** Runs a step that needs no node, as {@code konetPush} does. */
    Object runOnController(Step step) throws Exception {
      EnvVars environment = new EnvVars(System.getenv());
      StandInStepContext context =
          new StandInStepContext()
              .with(Run.class, run)
              .with(TaskListener.class, listener)
              .with(EnvVars.class, environment);
      step.start(context).start();
      return context.await(2, TimeUnit.MINUTES);
    }
  }

  /** An agent whose root is a local directory. */
  private static final class AgentNode extends Node {
    private final String name;
    private final Path rootPath;

    AgentNode(String name, Path rootPath) {
      this.name = name;
      this.rootPath = rootPath;
    }

    @Override
    public String getNodeName() {
      return name;
    }

    @Override
    public FilePath getRootPath() {
      return new FilePath(FilePath.localChannel, rootPath.toString());
    }
  }

  @Override
  public void close() {
    StandInJenkins.reset();
    secured.close();
    target.close();
    mcr.close();
  }
}
