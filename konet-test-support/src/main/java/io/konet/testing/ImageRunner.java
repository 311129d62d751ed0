package io.konet.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Runs a pushed linux/amd64 image for real, without a Docker daemon: {@code skopeo} copies it out
 * of the registry into an OCI layout, {@code umoci} unpacks it into a runtime bundle and {@code
 * runc} runs it. Needs root, as runc does without a rootless setup.
 */
public final class ImageRunner {

  private ImageRunner() {}

  /** What the container printed and how it ended. */
  public record Result(int exitCode, String output) {}

  /**
   * Copies {@code registryHostPort/repository:reference} (linux/amd64 from an index), unpacks and
   * runs it with its own entrypoint, user and working directory.
   */
  public static Result run(
      String registryHostPort, String repository, String reference, Path workDir) {
    try {
      Files.createDirectories(workDir);
      Path layout = workDir.resolve("layout");
      Path bundle = workDir.resolve("bundle");
      String separator = reference.startsWith("sha256:") ? "@" : ":";
      exec(
          workDir,
          List.of(
              "skopeo",
              "--override-os",
              "linux",
              "--override-arch",
              "amd64",
              "copy",
              "--src-tls-verify=false",
              "docker://" + registryHostPort + "/" + repository + separator + reference,
              "oci:" + layout + ":run"));
      exec(workDir, List.of("umoci", "unpack", "--image", layout + ":run", bundle.toString()));
      Path config = bundle.resolve("config.json");
      ObjectMapper json = new ObjectMapper();
      ObjectNode runtime = (ObjectNode) json.readTree(config.toFile());
      ((ObjectNode) runtime.path("process")).put("terminal", false);
      json.writeValue(config.toFile(), runtime);
      String id = "konet-" + UUID.randomUUID().toString().substring(0, 8);
      return execResult(
          workDir,
          List.of(
              "runc",
              "--root",
              workDir.resolve("runc").toString(),
              "run",
              "--bundle",
              bundle.toString(),
              id));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void exec(Path workDir, List<String> command) {
    Result result = execResult(workDir, command);
    if (result.exitCode() != 0) {
      throw new IllegalStateException(
          String.join(" ", command) + " failed (" + result.exitCode() + "): " + result.output());
    }
  }

  private static Result execResult(Path workDir, List<String> command) {
    try {
      Process process =
          new ProcessBuilder(new ArrayList<>(command))
              .directory(workDir.toFile())
              .redirectErrorStream(true)
              .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
              .start();
      byte[] output = process.getInputStream().readAllBytes();
      if (!process.waitFor(120, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException(String.join(" ", command) + " did not finish");
      }
      return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
