package io.konet.core.build;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Runs a program on the machine that holds the project: the local machine for the command line,
 * the build agent (through its launcher) in Jenkins.
 */
public interface CommandRunner {

  /**
   * Runs {@code command} in {@code workingDirectory} with {@code environment} added to the
   * inherited one, handing every line of its output (stdout and stderr) to {@code output} as it
   * arrives.
   *
   * @return the exit code
   * @throws IOException when the program cannot be started, for example because it is missing
   */
  int run(
      List<String> command,
      String workingDirectory,
      Map<String, String> environment,
      Consumer<String> output)
      throws IOException, InterruptedException;
}
