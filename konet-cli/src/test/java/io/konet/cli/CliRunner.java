package io.konet.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Runs {@code java -jar konet.jar} as a user would, and keeps what it printed. */
final class CliRunner {

  /** The exit code and output of one run. */
  record Result(int exitCode, String stdout, String stderr, List<String> command) {

    List<String> stderrLines() {
      return stderr.lines().toList();
    }

    /** The last line on stdout, which is the index digest on success. */
    String lastStdoutLine() {
      List<String> lines = stdout.lines().toList();
      return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
    }

    @Override
    public String toString() {
      return "exit " + exitCode + "\n--- stdout\n" + stdout + "\n--- stderr\n" + stderr;
    }
  }

  private final Path jar = Path.of(System.getProperty("konet.jar", "target/konet.jar"));
  private final Map<String, String> environment = new HashMap<>();
  private Path directory = Path.of(".");
  private String stdin = "";

  CliRunner env(String name, String value) {
    environment.put(name, value);
    return this;
  }

  CliRunner in(Path workingDirectory) {
    this.directory = workingDirectory;
    return this;
  }

  CliRunner stdin(String text) {
    this.stdin = text;
    return this;
  }

  Result run(List<String> arguments) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-jar");
    command.add(jar.toAbsolutePath().toString());
    command.addAll(arguments);
    ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile());
    builder.environment().remove("KONET_PASSWORD");
    builder.environment().remove("DOCKER_CONFIG");
    builder.environment().put("HOME", directory.toAbsolutePath().toString());
    builder.environment().putAll(environment);
    Process process = builder.start();
    CompletableFuture<String> out = read(process.getInputStream());
    CompletableFuture<String> err = read(process.getErrorStream());
    try (OutputStream in = process.getOutputStream()) {
      in.write(stdin.getBytes(StandardCharsets.UTF_8));
    }
    if (!process.waitFor(300, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("konet did not finish: " + command);
    }
    return new Result(process.exitValue(), out.join(), err.join(), command);
  }

  Result run(String... arguments) throws IOException, InterruptedException {
    return run(List.of(arguments));
  }

  private static CompletableFuture<String> read(java.io.InputStream stream) {
    return CompletableFuture.supplyAsync(
        () -> {
          try {
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
          } catch (IOException e) {
            return "<unreadable: " + e + ">";
          }
        });
  }
}
