package io.konet.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleProjectsTest {

  @TempDir Path dir;

  @Test
  void helloIsANet8ConsoleAppThatGreets() throws Exception {
    Path project = SampleProjects.hello().resolve("hello.csproj");
    Path dotnet = StandInDotnet.install(dir.resolve("sdk"));

    Processes.Result result =
        Processes.run(
            dir,
            Map.of(),
            List.of(
                dotnet.toString(),
                "msbuild",
                project.toString(),
                "-getProperty:OutputType",
                "-getProperty:TargetFramework",
                "-getProperty:InvariantGlobalization",
                "-getProperty:Nullable",
                "-getProperty:ImplicitUsings",
                "-getProperty:AssemblyName"));

    JsonNode properties = new ObjectMapper().readTree(result.stdout()).path("Properties");
    assertThat(properties.path("OutputType").asText()).isEqualTo("Exe");
    assertThat(properties.path("TargetFramework").asText()).isEqualTo("net8.0");
    assertThat(properties.path("InvariantGlobalization").asText()).isEqualTo("true");
    assertThat(properties.path("Nullable").asText()).isEqualTo("enable");
    assertThat(properties.path("ImplicitUsings").asText()).isEqualTo("enable");
    assertThat(properties.path("AssemblyName").asText()).isEqualTo("hello");
    assertThat(Files.readString(project.resolveSibling("Program.cs")))
        .contains("Console.WriteLine(\"Hello from konet!\");");
  }

  @Test
  void aCopyPublishesWithoutTouchingTheWorkingTree() throws Exception {
    Path project = SampleProjects.copyHello(dir.resolve("hello"));
    Path dotnet = StandInDotnet.install(dir.resolve("sdk"));
    Path out = dir.resolve("out");

    Processes.Result result =
        Processes.run(
            dir,
            Map.of(),
            List.of(
                dotnet.toString(),
                "publish",
                project.toString(),
                "-c",
                "Release",
                "-r",
                "linux-x64",
                "--self-contained",
                "true",
                "-o",
                out.toString()));

    assertThat(result.exitCode()).as(result.stdout()).isZero();
    assertThat(project.resolveSibling("obj/project.assets.json")).exists();
    assertThat(project.getParent()).isNotEqualTo(SampleProjects.hello());
    Processes.Result run = Processes.run(dir, Map.of(), List.of(out.resolve("hello").toString()));
    assertThat(run.stdout()).isEqualTo("Hello from konet! (hello)\n");
  }
}
