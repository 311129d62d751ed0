package io.konet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.konet.testing.BaseImageSeeder;
import io.konet.testing.SampleProjects;
import io.konet.testing.StandInDotnet;
import io.konet.testing.TestRegistry;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every bad input ends with exit code 1, one clear line that says what is wrong, no stack trace,
 * no secret, and no index at the tag.
 */
class BadInputIT {

  private static final String PASSWORD = "correct-horse-battery-staple";

  @TempDir static Path shared;
  static TestRegistry mcr;
  static TestRegistry target;
  static TestRegistry secured;
  static Path dotnet;

  @BeforeAll
  static void start() {
    mcr = TestRegistry.start(shared.resolve("mcr"));
    target = TestRegistry.start(shared.resolve("target"));
    secured = TestRegistry.startWithBasicAuth(shared.resolve("secured"), "alice", PASSWORD);
    BaseImageSeeder.seed(mcr);
    dotnet = StandInDotnet.install(shared.resolve("dotnet"));
  }

  @AfterAll
  static void stop() {
    secured.close();
    target.close();
    mcr.close();
  }

  private static List<String> build(Path project, String tag, String... extra) {
    List<String> arguments =
        new ArrayList<>(List.of("build", project.toString(), "--tag", tag, "--mirror",
            "mcr.microsoft.com=" + mcr.hostPort(), "--dotnet", dotnet.toString(), "--platform",
            "linux/amd64"));
    arguments.addAll(List.of(extra));
    return arguments;
  }

  /** Checks the failure and returns its one line. */
  private static String failsClearly(CliRunner.Result result) {
    assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
    List<String> lines = result.stderrLines();
    String last = lines.get(lines.size() - 1);
    assertThat(last).startsWith("konet: error: ");
    assertThat(result.stderr()).doesNotContain("Exception").doesNotContain("\tat ")
        .doesNotContain(PASSWORD);
    assertThat(result.stdout()).isEmpty();
    return last;
  }

  private static Path project(Path dir, String name, String body) throws IOException {
    Files.createDirectories(dir);
    Path file = dir.resolve(name);
    Files.writeString(file, "<Project Sdk=\"Microsoft.NET.Sdk\">\n  <PropertyGroup>\n" + body
        + "\n  </PropertyGroup>\n</Project>\n");
    Files.writeString(dir.resolve("Program.cs"), "System.Console.WriteLine(\"hi\");\n");
    return file;
  }

  private static void noIndexAt(TestRegistry registry, String repository, String tag) {
    assertThat(registry.http().findManifest(repository, tag)).isEmpty();
  }

  @Test
  void missingProject(@TempDir Path temp) throws Exception {
    String line =
        failsClearly(new CliRunner().in(temp).run(build(temp.resolve("nowhere"),
            target.hostPort() + "/bad/missing:1")));

    assertThat(line).contains("'" + temp.resolve("nowhere") + "' does not exist");
    noIndexAt(target, "bad/missing", "1");
  }

  @Test
  void twoProjectsInTheDirectory(@TempDir Path temp) throws Exception {
    project(temp, "one.csproj", "<OutputType>Exe</OutputType><TargetFramework>net8.0</TargetFramework>");
    project(temp, "two.csproj", "<OutputType>Exe</OutputType><TargetFramework>net8.0</TargetFramework>");

    String line =
        failsClearly(new CliRunner().in(temp).run(build(temp, target.hostPort() + "/bad/two:1")));

    assertThat(line).contains("Several projects").contains("one.csproj, two.csproj");
    noIndexAt(target, "bad/two", "1");
  }

  @Test
  void libraryProject(@TempDir Path temp) throws Exception {
    Path file = project(temp, "lib.csproj", "<TargetFramework>net8.0</TargetFramework>");

    String line =
        failsClearly(new CliRunner().in(temp).run(build(file, target.hostPort() + "/bad/lib:1")));

    assertThat(line).contains("lib.csproj is a library (OutputType Library)");
    noIndexAt(target, "bad/lib", "1");
  }

  @Test
  void severalFrameworksWithoutChoosingOne(@TempDir Path temp) throws Exception {
    Path file =
        project(temp, "multi.csproj",
            "<OutputType>Exe</OutputType><TargetFrameworks>net8.0;net9.0</TargetFrameworks>");

    String line =
        failsClearly(new CliRunner().in(temp).run(build(file, target.hostPort() + "/bad/multi:1")));

    assertThat(line).contains("targets several frameworks (net8.0, net9.0)")
        .contains("--framework");
    noIndexAt(target, "bad/multi", "1");
  }

  @Test
  void unknownPlatform(@TempDir Path temp) throws Exception {
    Path file = SampleProjects.copyHello(temp);

    String line =
        failsClearly(new CliRunner().in(temp).run(build(file, target.hostPort() + "/bad/plat:1",
            "--platform", "linux/riscv64")));

    assertThat(line).contains("Unknown platform 'linux/riscv64'").contains("linux/arm/v7");
    noIndexAt(target, "bad/plat", "1");
  }

  @Test
  void uppercaseRepository(@TempDir Path temp) throws Exception {
    Path file = SampleProjects.copyHello(temp);

    String line =
        failsClearly(new CliRunner().in(temp).run(build(file, target.hostPort() + "/Bad/Upper:1")));

    assertThat(line).contains("repository names must be lowercase");
  }

  @Test
  void badCharactersInTheTag(@TempDir Path temp) throws Exception {
    Path file = SampleProjects.copyHello(temp);

    String line =
        failsClearly(new CliRunner().in(temp).run(build(file,
            target.hostPort() + "/bad/chars:1.0+build!")));

    assertThat(line).contains("the tag '1.0+build!'");
    noIndexAt(target, "bad/chars", "1.0+build!");
  }

  @Test
  void baseImageWithoutTheRequestedPlatform(@TempDir Path temp) throws Exception {
    Path file = SampleProjects.copyHello(temp);
    Path log = temp.resolve("dotnet.log");

    String line =
        failsClearly(new CliRunner().in(temp).env(StandInDotnet.LOG_ENV, log.toString())
            .run(build(file, target.hostPort() + "/bad/base:1", "--platform",
                "windows/amd64:ltsc2025", "--base-image",
                "windows=mcr.microsoft.com/windows/nanoserver:ltsc2022")));

    assertThat(line).contains("has no image for windows/amd64:ltsc2025");
    assertThat(StandInDotnet.publishCount(log, "win-x64")).isZero();
    noIndexAt(target, "bad/base", "1");
  }

  @Test
  void registryUnreachable(@TempDir Path temp) throws Exception {
    Path file = SampleProjects.copyHello(temp);
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }

    String line =
        failsClearly(new CliRunner().in(temp).run(build(file,
            "127.0.0.1:" + closedPort + "/bad/unreachable:1")));

    assertThat(line).contains("Cannot reach registry 127.0.0.1:" + closedPort)
        .contains("connection refused");
  }

  @Test
  void wrongPassword(@TempDir Path temp) throws Exception {
    Path file = SampleProjects.copyHello(temp);

    String line =
        failsClearly(new CliRunner().in(temp).env("KONET_PASSWORD", "not-" + PASSWORD)
            .run(build(file, secured.hostPort() + "/bad/auth:1", "--username", "alice")));

    assertThat(line).contains("Registry " + secured.hostPort())
        .contains("refused the credentials of user 'alice' (HTTP 401)")
        .doesNotContain("not-" + PASSWORD);
    noIndexAt(secured, "bad/auth", "1");
  }

  @Test
  void rightPasswordFromStdinPushes(@TempDir Path temp) throws Exception {
    Path file = SampleProjects.copyHello(temp);

    CliRunner.Result result =
        new CliRunner().in(temp).stdin(PASSWORD + "\n")
            .run(build(file, secured.hostPort() + "/good/auth:1", "--username", "alice"));

    assertThat(result.exitCode()).as(result.toString()).isZero();
    assertThat(result.stdout() + result.stderr()).doesNotContain(PASSWORD);
    assertThat(secured.http().getManifest("good/auth", "1").digest())
        .isEqualTo(result.lastStdoutLine());
  }

  @Test
  void dotnetMissing(@TempDir Path temp) throws Exception {
    Path file = SampleProjects.copyHello(temp);
    List<String> arguments = build(file, target.hostPort() + "/bad/nodotnet:1");
    arguments.set(arguments.indexOf(dotnet.toString()), temp.resolve("no/dotnet").toString());

    String line = failsClearly(new CliRunner().in(temp).run(arguments));

    assertThat(line).contains("Cannot run dotnet").contains("install the .NET SDK");
    noIndexAt(target, "bad/nodotnet", "1");
  }

  @Test
  void sdkTooOldToEvaluateProjects(@TempDir Path temp) throws Exception {
    Path file = SampleProjects.copyHello(temp);

    String line =
        failsClearly(new CliRunner().in(temp).env(StandInDotnet.SDK_VERSION_ENV, "7.0.410")
            .run(build(file, target.hostPort() + "/bad/oldsdk:1")));

    assertThat(line).contains("too old").contains("8.0.100");
  }

  @Test
  void dotnetPublishFailing(@TempDir Path temp) throws Exception {
    Path file = SampleProjects.copyHello(temp);
    Path program = file.resolveSibling("Program.cs");
    Files.writeString(program, "#error the build is broken on purpose\n" + Files.readString(program));

    Path scratch = Files.createDirectories(temp.resolve("scratch"));
    CliRunner.Result result =
        new CliRunner().in(temp).env("JAVA_TOOL_OPTIONS", "-Djava.io.tmpdir=" + scratch)
            .run(build(file, target.hostPort() + "/bad/publish:1"));
    String line = failsClearly(result);

    assertThat(line).contains("dotnet publish for linux-x64 failed with exit code 1")
        .contains("error CS1029");
    assertThat(result.stderr()).contains("[linux-x64]");
    noIndexAt(target, "bad/publish", "1");
    assertThat(scratch).isEmptyDirectory();
  }
}
