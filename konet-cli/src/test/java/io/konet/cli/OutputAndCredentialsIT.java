package io.konet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.konet.testing.BaseImageSeeder;
import io.konet.testing.SampleProjects;
import io.konet.testing.StandInDotnet;
import io.konet.testing.TestRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Writing an OCI layout instead of pushing, and credentials from the Docker configuration. */
class OutputAndCredentialsIT {

  private static final String PASSWORD = "docker-config-secret-42";

  @TempDir static Path shared;
  static TestRegistry mcr;
  static TestRegistry target;
  static TestRegistry secured;
  static Path dotnet;

  @BeforeAll
  static void start() {
    mcr = TestRegistry.start(shared.resolve("mcr"));
    target = TestRegistry.start(shared.resolve("target"));
    secured = TestRegistry.startWithBasicAuth(shared.resolve("secured"), "bob", PASSWORD);
    BaseImageSeeder.seed(mcr);
    dotnet = StandInDotnet.install(shared.resolve("dotnet"));
  }

  @AfterAll
  static void stop() {
    secured.close();
    target.close();
    mcr.close();
  }

  private static List<String> build(Path project, String... extra) {
    List<String> arguments =
        new ArrayList<>(List.of("build", project.toString(), "--mirror",
            "mcr.microsoft.com=" + mcr.hostPort(), "--dotnet", dotnet.toString(), "--platform",
            "linux/amd64,windows/amd64:ltsc2022"));
    arguments.addAll(List.of(extra));
    return arguments;
  }

  @Test
  void writesACompleteOciLayoutThatSkopeoCanCopy(@TempDir Path temp) throws Exception {
    Path project = SampleProjects.copyHello(temp.resolve("src"));
    Path layout = temp.resolve("out/layout");

    CliRunner.Result result =
        new CliRunner().in(temp).run(build(project, "--output", "oci-layout:" + layout,
            "--tag", target.hostPort() + "/layout/hello:1.0"));

    assertThat(result.exitCode()).as(result.toString()).isZero();
    JsonNode index = new ObjectMapper().readTree(layout.resolve("index.json").toFile());
    JsonNode reference = index.path("manifests").get(0);
    assertThat(reference.path("digest").asText()).isEqualTo(result.lastStdoutLine());
    assertThat(reference.path("annotations").path("org.opencontainers.image.ref.name").asText())
        .isEqualTo("1.0");
    assertThat(layout.resolve("oci-layout")).exists();
    Process copy =
        new ProcessBuilder("skopeo", "copy", "--all", "--dest-tls-verify=false",
            "oci:" + layout + ":1.0", "docker://" + target.hostPort() + "/from-layout:1")
            .redirectErrorStream(true).start();
    String output = new String(copy.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(copy.waitFor()).as(output).isZero();
    assertThat(target.http().getManifest("from-layout", "1").json().path("manifests")).hasSize(2);
    assertThat(target.http().findManifest("layout/hello", "1.0")).isEmpty();
    try (var siblings = Files.list(layout.getParent())) {
      assertThat(siblings).containsExactly(layout);
    }
  }

  @Test
  void refusesANonEmptyOutputDirectoryAndLeavesItAlone(@TempDir Path temp) throws Exception {
    Path project = SampleProjects.copyHello(temp.resolve("src"));
    Path layout = Files.createDirectories(temp.resolve("busy"));
    Files.writeString(layout.resolve("keep.txt"), "mine");

    CliRunner.Result result =
        new CliRunner().in(temp).run(build(project, "--output", "oci-layout:" + layout));

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.stderrLines().get(result.stderrLines().size() - 1))
        .contains("is not empty");
    try (var children = Files.list(layout)) {
      assertThat(children).containsExactly(layout.resolve("keep.txt"));
    }
  }

  @Test
  void readsCredentialsFromDockerConfigAuths(@TempDir Path temp) throws Exception {
    Path project = SampleProjects.copyHello(temp.resolve("src"));
    Path config = Files.createDirectories(temp.resolve("docker"));
    String auth =
        Base64.getEncoder().encodeToString(("bob:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    Files.writeString(config.resolve("config.json"),
        "{\"auths\":{\"" + secured.hostPort() + "\":{\"auth\":\"" + auth + "\"}}}");

    CliRunner.Result result =
        new CliRunner().in(temp).env("DOCKER_CONFIG", config.toString())
            .run(build(project, "--tag", secured.hostPort() + "/auths/hello:1"));

    assertThat(result.exitCode()).as(result.toString()).isZero();
    assertThat(secured.http().getManifest("auths/hello", "1").digest())
        .isEqualTo(result.lastStdoutLine());
    assertThat(result.stderr()).doesNotContain(PASSWORD).doesNotContain(auth);
  }

  @Test
  void runsTheCredentialHelperNamedInCredHelpers(@TempDir Path temp) throws Exception {
    Path project = SampleProjects.copyHello(temp.resolve("src"));
    Path config = Files.createDirectories(temp.resolve("docker"));
    Files.writeString(config.resolve("config.json"),
        "{\"credHelpers\":{\"" + secured.hostPort() + "\":\"konettest\"}}");
    Path bin = Files.createDirectories(temp.resolve("bin"));
    Path helper = bin.resolve("docker-credential-konettest");
    Files.writeString(helper,
        "#!/bin/sh\nread server\necho \"{\\\"ServerURL\\\":\\\"$server\\\",\\\"Username\\\":"
            + "\\\"bob\\\",\\\"Secret\\\":\\\"" + PASSWORD + "\\\"}\"\n");
    Files.setPosixFilePermissions(helper, PosixFilePermissions.fromString("rwxr-xr-x"));

    CliRunner.Result result =
        new CliRunner().in(temp).env("DOCKER_CONFIG", config.toString())
            .env("PATH", bin + ":" + System.getenv("PATH"))
            .run(build(project, "--tag", secured.hostPort() + "/helpers/hello:1"));

    assertThat(result.exitCode()).as(result.toString()).isZero();
    assertThat(secured.http().getManifest("helpers/hello", "1").digest())
        .isEqualTo(result.lastStdoutLine());
    assertThat(result.stderr()).doesNotContain(PASSWORD);
  }

  @Test
  void anonymousPushToARegistryThatNeedsCredentialsSaysSo(@TempDir Path temp) throws Exception {
    Path project = SampleProjects.copyHello(temp.resolve("src"));

    CliRunner.Result result =
        new CliRunner().in(temp).run(build(project, "--tag", secured.hostPort() + "/anon/x:1"));

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.stderrLines().get(result.stderrLines().size() - 1))
        .contains("requires credentials").contains("none were given");
  }
}
