package io.jenkins.plugins.konet;

import hudson.EnvVars;
import hudson.FilePath;
import hudson.Launcher;
import hudson.console.LineTransformationOutputStream;
import hudson.remoting.VirtualChannel;
import io.konet.core.build.CommandRunner;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Runs programs on the build's node through its {@link Launcher}, so that the node's and the
 * build's environment apply and an aborted build stops the process.
 */
final class LauncherCommandRunner implements CommandRunner {

  private final Launcher launcher;
  private final VirtualChannel channel;
  private final EnvVars buildEnvironment;

  LauncherCommandRunner(Launcher launcher, VirtualChannel channel, EnvVars buildEnvironment) {
    this.launcher = launcher;
    this.channel = channel;
    this.buildEnvironment = buildEnvironment;
  }

  @Override
  public int run(
      List<String> command,
      String workingDirectory,
      Map<String, String> environment,
      Consumer<String> output)
      throws IOException, InterruptedException {
    EnvVars variables = new EnvVars(buildEnvironment);
    variables.putAll(environment);
    try (LineTransformationOutputStream lines = new LineOutput(output)) {
      return launcher
          .launch()
          .cmds(command)
          .envs(variables)
          .pwd(new FilePath(channel, workingDirectory))
          .stdout(lines)
          .quiet(true)
          .join();
    }
  }

  /** Hands each line of the process output to the engine. */
  private static final class LineOutput extends LineTransformationOutputStream {
    private final Consumer<String> output;

    LineOutput(Consumer<String> output) {
      this.output = output;
    }

    @Override
    protected void eol(byte[] bytes, int length) {
      output.accept(trimEOL(new String(bytes, 0, length, StandardCharsets.UTF_8)));
    }
  }
}
