package io.konet.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The main job on a machine without Docker or internet: starts two local registries (one standing
 * in for mcr.microsoft.com, seeded with base images of the real shape, one as the target), builds
 * {@code samples/hello} for four platforms with the command line, pushes, and runs the linux/amd64
 * image with runc.
 *
 * <p>Uses the real {@code dotnet} when one is on the PATH, the stand-in otherwise.
 *
 * <p>Arguments: the path of {@code konet.jar} and of the repository.
 */
public final class Demo {

  private static final String PLATFORMS =
      "linux/amd64,linux/arm64,linux/arm/v7,windows/amd64:ltsc2022";

  private Demo() {}

  public static void main(String[] args) throws Exception {
    Path jar = Path.of(args[0]).toAbsolutePath();
    Path repository = Path.of(args[1]).toAbsolutePath();
    Path work = Files.createTempDirectory("konet-demo-");
    try (TestRegistry mcr = TestRegistry.start(work.resolve("mcr"));
        TestRegistry target = TestRegistry.start(work.resolve("target"))) {
      BaseImageSeeder.seed(mcr);
      say(
          "registries: mcr.microsoft.com stand-in at "
              + mcr.hostPort()
              + ", target at "
              + target.hostPort());
      String dotnet = realDotnet();
      if (dotnet == null) {
        dotnet = StandInDotnet.install(work.resolve("dotnet")).toString();
        say("no .NET SDK on this machine: using the stand-in dotnet (" + dotnet + ")");
      } else {
        say("using the .NET SDK at " + dotnet);
      }
      String tag = target.hostPort() + "/samples/hello:demo";
      List<String> command =
          new ArrayList<>(
              List.of(
                  Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                  "-jar",
                  jar.toString(),
                  "build",
                  repository.resolve("samples/hello").toString(),
                  "--tag",
                  tag,
                  "--platform",
                  PLATFORMS,
                  "--mirror",
                  "mcr.microsoft.com=" + mcr.hostPort(),
                  "--dotnet",
                  dotnet,
                  "--image-refs",
                  work.resolve("image-refs.json").toString()));
      say("$ konet " + String.join(" ", command.subList(3, command.size())));
      Process build = new ProcessBuilder(command).inheritIO().start();
      if (build.waitFor() != 0) {
        throw new IllegalStateException("konet build failed with exit code " + build.exitValue());
      }
      say(
          "image references: "
              + Files.readString(work.resolve("image-refs.json"), StandardCharsets.UTF_8));
      say("running linux/amd64 of " + tag + " with skopeo, umoci and runc:");
      ImageRunner.Result run =
          ImageRunner.run(target.hostPort(), "samples/hello", "demo", work.resolve("run"));
      System.out.print(run.output());
      if (run.exitCode() != 0 || !run.output().contains("Hello from konet!")) {
        throw new IllegalStateException("the image did not greet (exit " + run.exitCode() + ")");
      }
      say("demo passed: pushed four platforms and ran the linux/amd64 image.");
    } finally {
      deleteTree(work);
    }
  }

  /** A dotnet on the PATH that is an SDK of version 8 or newer, or null. */
  private static String realDotnet() throws IOException, InterruptedException {
    for (String directory : System.getenv().getOrDefault("PATH", "").split(":")) {
      Path candidate = Path.of(directory, "dotnet");
      if (Files.isExecutable(candidate)) {
        Process version =
            new ProcessBuilder(candidate.toString(), "--version").redirectErrorStream(true).start();
        String text =
            new String(version.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (version.waitFor(30, TimeUnit.SECONDS)
            && version.exitValue() == 0
            && text.matches("(\\d{2,}|[89])\\..*")) {
          return candidate.toString();
        }
      }
    }
    return null;
  }

  private static void say(String line) {
    System.out.println("demo: " + line);
  }

  private static void deleteTree(Path root) throws IOException {
    try (var walk = Files.walk(root)) {
      for (Path path : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }
}
