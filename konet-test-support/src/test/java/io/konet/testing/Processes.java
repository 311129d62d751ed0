package io.konet.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs a command for a test and gives back what it printed. */
final class Processes {

  private Processes() {}

  record Result(int exitCode, String stdout, String stderr) {}

  /** Runs the command and returns its standard output; fails if it exits non-zero. */
  static String run(String... command) throws IOException, InterruptedException {
    Result result = run(Path.of("."), Map.of(), List.of(command));
    if (result.exitCode() != 0) {
      throw new IllegalStateException(
          String.join(" ", command)
              + " exited "
              + result.exitCode()
              + ":\n"
              + result.stderr()
              + result.stdout());
    }
    return result.stdout();
  }

  static Result run(Path dir, Map<String, String> env, List<String> command)
      throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
    builder.environment().putAll(env);
    builder.redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
    Process process = builder.start();
    var stderr = process.getErrorStream();
    var errors = new java.util.concurrent.CompletableFuture<String>();
    Thread drain =
        new Thread(
            () -> {
              try {
                errors.complete(new String(stderr.readAllBytes(), StandardCharsets.UTF_8));
              } catch (IOException e) {
                errors.complete("");
              }
            });
    drain.start();
    String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(120, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IllegalStateException(String.join(" ", command) + " did not finish in 120 s");
    }
    drain.join();
    return new Result(process.exitValue(), stdout, errors.join());
  }
}
