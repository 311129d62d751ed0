package io.konet.core.build;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Runs programs on this machine. An interrupted build stops the program and everything it
 * started, so that no dotnet process outlives the build.
 */
public final class LocalCommandRunner implements CommandRunner {

  private final Set<String> withheldVariables;

  /** Runs programs with this process's environment. */
  public LocalCommandRunner() {
    this(Set.of());
  }

  /**
   * Runs programs with this process's environment less {@code withheldVariables}, such as a
   * registry password the command line was given: dotnet has no use for it, and a diagnostic
   * build log would print it.
   */
  public LocalCommandRunner(Set<String> withheldVariables) {
    this.withheldVariables = Set.copyOf(withheldVariables);
  }

  @Override
  public int run(
      List<String> command,
      String workingDirectory,
      Map<String, String> environment,
      Consumer<String> output)
      throws IOException, InterruptedException {
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(Path.of(workingDirectory).toFile())
            .redirectErrorStream(true);
    builder.environment().keySet().removeAll(withheldVariables);
    builder.environment().putAll(environment);
    Process process = builder.start();
    // Lines are read on their own thread so that waiting stays interruptible.
    Thread reader = new Thread(() -> pump(process, output), "konet-output-" + process.pid());
    reader.setDaemon(true);
    reader.start();
    try {
      process.getOutputStream().close();
      int exitCode = process.waitFor();
      reader.join();
      return exitCode;
    } finally {
      if (process.isAlive()) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
      }
    }
  }

  private static void pump(Process process, Consumer<String> output) {
    try (BufferedReader lines =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = lines.readLine()) != null) {
        output.accept(line);
      }
    } catch (IOException e) {
      if (process.isAlive()) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
