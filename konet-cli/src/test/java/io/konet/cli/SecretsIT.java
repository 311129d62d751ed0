package io.konet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.konet.testing.BaseImageSeeder;
import io.konet.testing.SampleProjects;
import io.konet.testing.StandInDotnet;
import io.konet.testing.TestRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A full build with a known password, verbose: the password is in no log line, no error, no file
 * the build leaves behind, and no argument or environment of any program the build starts.
 */
class SecretsIT {

  private static final String PASSWORD = "Pa55-known-to-the-test-only-3141";

  @TempDir static Path shared;
  static TestRegistry mcr;
  static TestRegistry secured;
  static Path standIn;

  @BeforeAll
  static void start() {
    mcr = TestRegistry.start(shared.resolve("mcr"));
    secured = TestRegistry.startWithBasicAuth(shared.resolve("secured"), "alice", PASSWORD);
    BaseImageSeeder.seed(mcr);
    standIn = StandInDotnet.install(shared.resolve("standin"));
  }

  @AfterAll
  static void stop() {
    secured.close();
    mcr.close();
  }

  /** A dotnet that records its arguments and environment, then runs the stand-in. */
  private static Path recordingDotnet(Path directory) throws IOException {
    Files.createDirectories(directory);
    Path wrapper = directory.resolve("dotnet");
    Files.writeString(wrapper, "#!/bin/sh\n"
        + "printf '%s\\n' \"$*\" >> '" + directory.resolve("arguments.txt") + "'\n"
        + "env >> '" + directory.resolve("environment.txt") + "'\n"
        + "exec '" + standIn + "' \"$@\"\n");
    Files.setPosixFilePermissions(wrapper, PosixFilePermissions.fromString("rwxr-xr-x"));
    return wrapper;
  }

  private static CliRunner.Result build(Path work, String password, String repository)
      throws Exception {
    Path project = SampleProjects.copyHello(work.resolve("src"));
    Path dotnet = recordingDotnet(work.resolve("recorded"));
    Path scratch = Files.createDirectories(work.resolve("scratch"));
    return new CliRunner().in(work)
        .env("KONET_PASSWORD", password)
        .env("JAVA_TOOL_OPTIONS", "-Djava.io.tmpdir=" + scratch)
        .run("build", project.toString(), "--tag", secured.hostPort() + "/" + repository,
            "--username", "alice", "--platform", "linux/amd64,windows/amd64:ltsc2022",
            "--mirror", "mcr.microsoft.com=" + mcr.hostPort(), "--dotnet", dotnet.toString(),
            "--image-refs", work.resolve("refs.json").toString(), "--verbose");
  }

  @Test
  void theRightPasswordIsNowhereButInTheRequestsThatNeedIt(@TempDir Path work) throws Exception {
    CliRunner.Result result = build(work, PASSWORD, "secrets/app:1");

    assertThat(result.exitCode()).as(result.toString()).isZero();
    assertThat(result.stdout()).doesNotContain(PASSWORD);
    assertThat(result.stderr()).doesNotContain(PASSWORD).contains("using user 'alice'");
    assertThat(String.join(" ", result.command())).doesNotContain(PASSWORD);
    assertThat(Files.readString(work.resolve("recorded/arguments.txt"))).contains("publish")
        .doesNotContain(PASSWORD);
    assertThat(Files.readString(work.resolve("recorded/environment.txt")))
        .contains("DOTNET_NOLOGO").doesNotContain(PASSWORD).doesNotContain("KONET_PASSWORD");
    assertThat(filesHolding(work, PASSWORD)).isEmpty();
    assertThat(work.resolve("scratch")).isEmptyDirectory();
  }

  @Test
  void aWrongPasswordIsNotEchoedEvenInVerboseStackTraces(@TempDir Path work) throws Exception {
    String wrong = "wrong-" + PASSWORD;

    CliRunner.Result result = build(work, wrong, "secrets/wrong:1");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.stderr()).contains("refused the credentials of user 'alice'")
        .doesNotContain(wrong).doesNotContain(PASSWORD);
    assertThat(filesHolding(work, wrong)).isEmpty();
  }

  /** Files under {@code root} whose bytes contain {@code secret}. */
  private static List<Path> filesHolding(Path root, String secret) throws IOException {
    byte[] needle = secret.getBytes(StandardCharsets.UTF_8);
    List<Path> found = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path file : walk.filter(Files::isRegularFile).toList()) {
        if (indexOf(Files.readAllBytes(file), needle) >= 0) {
          found.add(file);
        }
      }
    }
    return found;
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i <= haystack.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
