package io.konet.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StandInDotnetTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;
  private Path dotnet;
  private Path project;
  private final Map<String, String> env = new HashMap<>();

  @BeforeEach
  void install() throws IOException {
    dotnet = StandInDotnet.install(dir.resolve("sdk"));
    project = dir.resolve("src/hello/hello.csproj");
    Files.createDirectories(project.getParent());
    Files.writeString(
        project,
        """
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup>
            <OutputType>Exe</OutputType>
            <TargetFramework>net8.0</TargetFramework>
            <InvariantGlobalization>true</InvariantGlobalization>
          </PropertyGroup>
          <ItemGroup>
            <PackageReference Include="Newtonsoft.Json" Version="13.0.3" />
          </ItemGroup>
        </Project>
        """);
    Files.writeString(project.resolveSibling("Program.cs"), "Console.WriteLine(\"hi\");\n");
  }

  @Test
  void installsAnExecutableNamedDotnet() throws Exception {
    assertThat(dotnet.getFileName().toString()).isEqualTo("dotnet");
    assertThat(Files.getPosixFilePermissions(dotnet)).contains(PosixFilePermission.OWNER_EXECUTE);
    assertThat(dotnet.resolveSibling("apphost.c")).exists();
  }

  @Test
  void reportsTheSdkVersion() throws Exception {
    assertThat(ok("--version")).isEqualTo("8.0.404\n");
    env.put(StandInDotnet.SDK_VERSION_ENV, "9.0.100");
    assertThat(ok("--version")).isEqualTo("9.0.100\n");
  }

  @Test
  void oneRequestedPropertyIsPrintedAlone() throws Exception {
    assertThat(ok("msbuild", project.toString(), "-getProperty:AssemblyName")).isEqualTo("hello\n");
    assertThat(ok("msbuild", project.toString(), "-getProperty:NoSuchProperty")).isEqualTo("\n");
  }

  @Test
  void severalPropertiesArePrintedAsMsbuildsJson() throws Exception {
    String output =
        ok(
            "msbuild",
            project.toString(),
            "-getProperty:AssemblyName",
            "-getProperty:OutputType",
            "-getProperty:TargetFramework",
            "-getProperty:UsingMicrosoftNETSdkWeb",
            "-getProperty:Configuration",
            "-p:Marker=a<b&c");

    assertThat(output)
        .isEqualTo(
            """
            {
              "Properties": {
                "AssemblyName": "hello",
                "OutputType": "Exe",
                "TargetFramework": "net8.0",
                "UsingMicrosoftNETSdkWeb": "",
                "Configuration": "Debug"
              }
            }
            """);
    assertThat(
            ok(
                "msbuild",
                project.toString(),
                "-getProperty:A",
                "-getProperty:B",
                "-p:A=a<b&c",
                "-property:B=\"quoted\""))
        .contains("\"A\": \"a\\u003Cb\\u0026c\"")
        .contains("\"B\": \"quoted\"");
  }

  @Test
  void sdkDefaultsFollowTheProjectKind() throws Exception {
    Path web = dir.resolve("web/Shop.Web.csproj");
    Files.createDirectories(web.getParent());
    Files.writeString(
        web,
        """
        <Project Sdk="Microsoft.NET.Sdk.Web">
          <PropertyGroup><TargetFramework>net8.0</TargetFramework></PropertyGroup>
        </Project>
        """);
    Path library = dir.resolve("lib/Lib.csproj");
    Files.createDirectories(library.getParent());
    Files.writeString(
        library,
        """
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup><TargetFramework>net8.0</TargetFramework></PropertyGroup>
        </Project>
        """);

    assertThat(properties(web, "AssemblyName", "OutputType", "UsingMicrosoftNETSdkWeb"))
        .containsExactly("Shop.Web", "Exe", "true");
    assertThat(properties(library, "AssemblyName", "OutputType", "UsingMicrosoftNETSdkWeb"))
        .containsExactly("Lib", "Library", "");
  }

  @Test
  void honoursDirectoryBuildPropsImportsAndConditions() throws Exception {
    Files.writeString(
        dir.resolve("src/Directory.Build.props"),
        """
        <Project>
          <PropertyGroup>
            <Company>Acme</Company>
            <AssemblyName Condition="'$(Flavor)' == 'blue'">hello-blue</AssemblyName>
          </PropertyGroup>
          <Import Project="build/common.props" Condition="Exists('build/common.props')" />
        </Project>
        """);
    Files.createDirectories(dir.resolve("src/build"));
    Files.writeString(
        dir.resolve("src/build/common.props"),
        """
        <Project>
          <PropertyGroup><Imported>from-$(Company)</Imported></PropertyGroup>
        </Project>
        """);
    Files.writeString(
        project,
        """
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup>
            <TargetFramework>net8.0</TargetFramework>
            <Company>$(Company) Inc</Company>
            <Kind Condition="'$(Configuration)'=='Release' and '$(Flavor)'!='blue'">release</Kind>
            <Kind Condition="'$(Configuration)' == 'Debug' or '$(Flavor)' == 'blue'">other</Kind>
            <Ready Condition="!Exists('no.txt') AND ('$(Kind)'=='release' OR $(Kind)==other)"
              >yes</Ready>
          </PropertyGroup>
        </Project>
        """);

    assertThat(properties(project, "Company", "Imported", "AssemblyName", "Kind", "Ready"))
        .containsExactly("Acme Inc", "from-Acme", "hello", "other", "yes");
    assertThat(properties(project, List.of("-p:Configuration=Release"), "Kind"))
        .containsExactly("release");
    assertThat(
            properties(
                project,
                List.of("-p:Flavor=blue", "-property:Configuration=Release"),
                "AssemblyName",
                "Kind"))
        .containsExactly("hello-blue", "other");
  }

  @Test
  void globalPropertiesOverrideTheProject() throws Exception {
    assertThat(
            properties(
                project,
                List.of("-p:TargetFramework=net6.0;AssemblyName=renamed"),
                "TargetFramework",
                "AssemblyName"))
        .containsExactly("net6.0", "renamed");
  }

  @Test
  void severalTargetFrameworksLeaveTargetFrameworkEmpty() throws Exception {
    Files.writeString(
        project,
        """
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup><TargetFrameworks>net8.0;net9.0</TargetFrameworks></PropertyGroup>
        </Project>
        """);

    assertThat(properties(project, "TargetFramework", "TargetFrameworks"))
        .containsExactly("", "net8.0;net9.0");
    assertThat(properties(project, List.of("-p:TargetFramework=net8.0"), "TargetFramework"))
        .containsExactly("net8.0");
  }

  @Test
  void aMissingProjectFailsWithMsb1009() throws Exception {
    Processes.Result result = dotnet("msbuild", "nope.csproj", "-getProperty:AssemblyName");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.stdout())
        .isEqualTo("MSBUILD : error MSB1009: Project file does not exist.\nSwitch: nope.csproj\n");
  }

  @Test
  void anSdkOlderThan8FailsGetPropertyLikeItsMsbuild() throws Exception {
    env.put(StandInDotnet.SDK_VERSION_ENV, "7.0.410");

    Processes.Result result = dotnet("msbuild", project.toString(), "-getProperty:AssemblyName");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.stdout())
        .startsWith("MSBuild version 17.7.")
        .contains(
            "MSBUILD : error MSB1001: Unknown switch.\n"
                + "Switch: -getProperty:AssemblyName\n\n"
                + "For switch syntax, type \"MSBuild -help\"\n");
    assertThat(ok("--version")).isEqualTo("7.0.410\n");
  }

  @Test
  void selfContainedLinuxPublishWritesTheRealShape() throws Exception {
    Path out = dir.resolve("out/linux-x64");

    String output =
        ok(
            "publish",
            project.toString(),
            "-c",
            "Release",
            "-r",
            "linux-x64",
            "-o",
            out.toString(),
            "--self-contained",
            "true");

    assertThat(output)
        .contains("  Determining projects to restore...")
        .contains("  hello -> " + project.getParent() + "/bin/Release/net8.0/linux-x64/hello.dll")
        .endsWith("  hello -> " + out + "/\n");
    assertThat(fileNames(out))
        .contains(
            "hello",
            "hello.dll",
            "hello.pdb",
            "hello.deps.json",
            "hello.runtimeconfig.json",
            "Newtonsoft.Json.dll",
            "System.Private.CoreLib.dll",
            "System.Runtime.dll",
            "System.Console.dll",
            "System.Collections.dll",
            "System.Linq.dll",
            "libcoreclr.so",
            "libclrjit.so",
            "libSystem.Native.so",
            "libhostfxr.so",
            "libhostpolicy.so",
            "createdump");
    assertThat(executable(out.resolve("hello"))).isTrue();
    assertThat(executable(out.resolve("createdump"))).isTrue();
    assertThat(executable(out.resolve("libcoreclr.so"))).isTrue();
    assertThat(executable(out.resolve("hello.dll"))).isFalse();
    assertThat(Files.readAllBytes(out.resolve("hello.dll"))).startsWith('M', 'Z');
    JsonNode runtimeconfig = JSON.readTree(out.resolve("hello.runtimeconfig.json").toFile());
    assertThat(runtimeconfig.at("/runtimeOptions/includedFrameworks/0/name").asText())
        .isEqualTo("Microsoft.NETCore.App");
    assertThat(runtimeconfig.at("/runtimeOptions/includedFrameworks/0/version").asText())
        .isEqualTo("8.0.11");
    assertThat(
            runtimeconfig
                .at("/runtimeOptions/configProperties/System.Globalization.Invariant")
                .asBoolean())
        .isTrue();
  }

  @Test
  void theDepsJsonIsFaithfulEnoughToClassifyEveryFile() throws Exception {
    Path out = dir.resolve("out");
    ok(
        "publish",
        project.toString(),
        "-c",
        "Release",
        "-r",
        "linux-arm64",
        "-o",
        out.toString(),
        "--self-contained");

    JsonNode deps = JSON.readTree(out.resolve("hello.deps.json").toFile());

    assertThat(deps.at("/runtimeTarget/name").asText())
        .isEqualTo(".NETCoreApp,Version=v8.0/linux-arm64");
    assertThat(fieldNames(deps.path("targets")))
        .containsExactly(".NETCoreApp,Version=v8.0", ".NETCoreApp,Version=v8.0/linux-arm64");
    JsonNode target = deps.path("targets").path(".NETCoreApp,Version=v8.0/linux-arm64");
    assertThat(fieldNames(target))
        .containsExactly(
            "hello/1.0.0",
            "runtimepack.Microsoft.NETCore.App.Runtime.linux-arm64/8.0.11",
            "Newtonsoft.Json/13.0.3");
    assertThat(target.at("/hello~11.0.0/dependencies").toString())
        .isEqualTo(
            "{\"Newtonsoft.Json\":\"13.0.3\","
                + "\"runtimepack.Microsoft.NETCore.App.Runtime.linux-arm64\":\"8.0.11\"}");
    assertThat(fieldNames(target.at("/hello~11.0.0/runtime"))).containsExactly("hello.dll");
    JsonNode runtimePack =
        target.path("runtimepack.Microsoft.NETCore.App.Runtime.linux-arm64/8.0.11");
    assertThat(runtimePack.at("/runtime/System.Runtime.dll/assemblyVersion").asText())
        .isEqualTo("8.0.0.0");
    assertThat(fieldNames(runtimePack.path("native")))
        .contains(
            "libcoreclr.so", "libSystem.Native.so", "createdump", "System.Private.CoreLib.dll");
    assertThat(
            target
                .at(
                    "/Newtonsoft.Json~113.0.3/runtime/lib~1net6.0~1Newtonsoft.Json.dll"
                        + "/fileVersion")
                .asText())
        .isEqualTo("13.0.3.27908");
    JsonNode libraries = deps.path("libraries");
    assertThat(libraries.at("/hello~11.0.0/type").asText()).isEqualTo("project");
    assertThat(
            libraries
                .path("runtimepack.Microsoft.NETCore.App.Runtime.linux-arm64/8.0.11")
                .path("type")
                .asText())
        .isEqualTo("runtimepack");
    JsonNode newtonsoft = libraries.path("Newtonsoft.Json/13.0.3");
    assertThat(newtonsoft.path("type").asText()).isEqualTo("package");
    assertThat(newtonsoft.path("serviceable").asBoolean()).isTrue();
    assertThat(newtonsoft.path("sha512").asText()).startsWith("sha512-").endsWith("==");
    assertThat(newtonsoft.path("path").asText()).isEqualTo("newtonsoft.json/13.0.3");
    assertThat(newtonsoft.path("hashPath").asText())
        .isEqualTo("newtonsoft.json.13.0.3.nupkg.sha512");

    // Every published file but the host, the deps and runtimeconfig is named by one asset.
    List<String> assets = new ArrayList<>();
    target
        .fields()
        .forEachRemaining(
            library ->
                Stream.of("runtime", "native")
                    .forEach(
                        kind ->
                            library
                                .getValue()
                                .path(kind)
                                .fieldNames()
                                .forEachRemaining(
                                    asset -> assets.add(Path.of(asset).getFileName().toString()))));
    List<String> published = new ArrayList<>(fileNames(out));
    published.removeAll(
        List.of("hello", "hello.pdb", "hello.deps.json", "hello.runtimeconfig.json"));
    assertThat(assets).containsExactlyInAnyOrderElementsOf(published);
  }

  @Test
  void frameworkDependentPublishNamesTheFrameworkAndShipsNoRuntime() throws Exception {
    Path out = dir.resolve("out");

    ok(
        "publish",
        project.toString(),
        "-c",
        "Release",
        "-r",
        "linux-x64",
        "-o",
        out.toString(),
        "--self-contained",
        "false");

    assertThat(fileNames(out))
        .containsExactly(
            "Newtonsoft.Json.dll",
            "hello",
            "hello.deps.json",
            "hello.dll",
            "hello.pdb",
            "hello.runtimeconfig.json");
    JsonNode runtimeconfig = JSON.readTree(out.resolve("hello.runtimeconfig.json").toFile());
    assertThat(runtimeconfig.at("/runtimeOptions/framework/name").asText())
        .isEqualTo("Microsoft.NETCore.App");
    JsonNode deps = JSON.readTree(out.resolve("hello.deps.json").toFile());
    assertThat(deps.path("libraries").toString()).doesNotContain("runtimepack");
  }

  @Test
  void webProjectsGetTheAspNetCoreFrameworkAndTheirContent() throws Exception {
    Files.writeString(
        project,
        """
        <Project Sdk="Microsoft.NET.Sdk.Web">
          <PropertyGroup><TargetFramework>net8.0</TargetFramework></PropertyGroup>
        </Project>
        """);
    Files.writeString(project.resolveSibling("appsettings.json"), "{}\n");
    Files.createDirectories(project.resolveSibling("wwwroot/css"));
    Files.writeString(project.resolveSibling("wwwroot/css/site.css"), "body {}\n");
    Path fd = dir.resolve("fd");
    Path sc = dir.resolve("sc");

    ok("publish", project.toString(), "-r", "linux-x64", "-o", fd.toString());
    ok("publish", project.toString(), "-r", "linux-x64", "-o", sc.toString(), "--self-contained");

    assertThat(fileNames(fd)).contains("appsettings.json", "web.config", "wwwroot/css/site.css");
    assertThat(
            JSON.readTree(fd.resolve("hello.runtimeconfig.json").toFile())
                .at("/runtimeOptions/framework/name")
                .asText())
        .isEqualTo("Microsoft.AspNetCore.App");
    assertThat(fileNames(sc)).contains("Microsoft.AspNetCore.dll", "libcoreclr.so");
    assertThat(
            JSON.readTree(sc.resolve("hello.deps.json").toFile())
                .path("libraries")
                .has("runtimepack.Microsoft.AspNetCore.App.Runtime.linux-x64/8.0.11"))
        .isTrue();
  }

  @Test
  void windowsPublishWritesWindowsFiles() throws Exception {
    Path out = dir.resolve("out");

    ok(
        "publish",
        project.toString(),
        "-c",
        "Release",
        "-r",
        "win-x64",
        "-o",
        out.toString(),
        "--self-contained",
        "true");

    assertThat(fileNames(out))
        .contains(
            "hello.exe",
            "hello.dll",
            "coreclr.dll",
            "clrjit.dll",
            "hostfxr.dll",
            "hostpolicy.dll",
            "System.Private.CoreLib.dll")
        .doesNotContain("hello");
    assertThat(Files.readAllBytes(out.resolve("hello.exe"))).startsWith('M', 'Z');
    assertThat(
            JSON.readTree(out.resolve("hello.deps.json").toFile())
                .at("/runtimeTarget/name")
                .asText())
        .isEqualTo(".NETCoreApp,Version=v8.0/win-x64");
  }

  @Test
  void singleFileAndAotPublishesHaveTheirOwnShapes() throws Exception {
    Path single = dir.resolve("single");
    Path aot = dir.resolve("aot");

    ok(
        "publish",
        project.toString(),
        "-c",
        "Release",
        "-r",
        "linux-x64",
        "-o",
        single.toString(),
        "-p:PublishSingleFile=true");
    ok(
        "publish",
        project.toString(),
        "-c",
        "Release",
        "-r",
        "linux-x64",
        "-o",
        aot.toString(),
        "-p:PublishAot=true");

    assertThat(fileNames(single)).containsExactly("hello", "hello.pdb");
    assertThat(fileNames(aot)).containsExactly("hello", "hello.dbg");
    assertThat(run(single.resolve("hello"))).isEqualTo("Hello from konet! (hello)\n");
    assertThat(run(aot.resolve("hello"))).isEqualTo("Hello from konet! (hello)\n");
  }

  @Test
  void theLinuxX64ApphostIsARealProgramThatGreets() throws Exception {
    Path out = dir.resolve("out");
    ok(
        "publish",
        project.toString(),
        "-c",
        "Release",
        "-r",
        "linux-x64",
        "-o",
        out.toString(),
        "--self-contained");

    assertThat(run(out.resolve("hello"))).isEqualTo("Hello from konet! (hello)\n");
    assertThat(Files.readAllBytes(out.resolve("hello"))).startsWith(0x7f, 'E', 'L', 'F');
  }

  @Test
  void publishingTwiceGivesTheSameBytes() throws Exception {
    Path first = dir.resolve("first");
    Path second = dir.resolve("second");

    ok(
        "publish",
        project.toString(),
        "-c",
        "Release",
        "-r",
        "linux-x64",
        "-o",
        first.toString(),
        "--self-contained");
    ok(
        "publish",
        project.toString(),
        "-c",
        "Release",
        "-r",
        "linux-x64",
        "-o",
        second.toString(),
        "--self-contained");

    assertThat(contents(second)).isEqualTo(contents(first));
  }

  @Test
  void runtimeAndPackageFilesDependOnlyOnTheirInputsAndTheAppOnItsSource() throws Exception {
    Path before = dir.resolve("before");
    Path after = dir.resolve("after");
    Path arm = dir.resolve("arm");
    ok("publish", project.toString(), "-r", "linux-x64", "-o", before.toString(), "--sc");
    Files.writeString(project.resolveSibling("Program.cs"), "Console.WriteLine(\"changed\");\n");
    ok("publish", project.toString(), "-r", "linux-x64", "-o", after.toString(), "--sc");
    ok("publish", project.toString(), "-r", "linux-arm64", "-o", arm.toString(), "--sc");

    Map<String, String> one = contents(before);
    Map<String, String> two = contents(after);
    assertThat(two.get("hello.dll")).isNotEqualTo(one.get("hello.dll"));
    assertThat(two.get("hello")).isNotEqualTo(one.get("hello"));
    assertThat(two.get("libcoreclr.so")).isEqualTo(one.get("libcoreclr.so"));
    assertThat(two.get("Newtonsoft.Json.dll")).isEqualTo(one.get("Newtonsoft.Json.dll"));
    assertThat(contents(arm).get("libcoreclr.so")).isNotEqualTo(one.get("libcoreclr.so"));
    assertThat(contents(arm).get("Newtonsoft.Json.dll")).isEqualTo(one.get("Newtonsoft.Json.dll"));
  }

  @Test
  void sizesFollowTheEnvironment() throws Exception {
    env.put(StandInDotnet.RUNTIME_BYTES_ENV, "100000");
    env.put(StandInDotnet.PACKAGE_BYTES_ENV, "50000");
    Path out = dir.resolve("out");

    ok("publish", project.toString(), "-r", "linux-x64", "-o", out.toString(), "--sc");

    assertThat(Files.size(out.resolve("libcoreclr.so"))).isEqualTo(100000);
    assertThat(Files.size(out.resolve("System.Runtime.dll"))).isEqualTo(100000);
    assertThat(Files.size(out.resolve("Newtonsoft.Json.dll"))).isEqualTo(50000);
  }

  @Test
  void aHashErrorDirectiveFailsTheBuildLikeTheCompilerAndWritesNothing() throws Exception {
    Path bad = project.resolveSibling("Bad.cs");
    Files.writeString(bad, "namespace Hello;\n\n#error This is not done\n");
    Path out = dir.resolve("out");

    Processes.Result result =
        dotnet(
            "publish",
            project.toString(),
            "-c",
            "Release",
            "-r",
            "linux-x64",
            "-o",
            out.toString());

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.stdout())
        .contains(bad + "(3,1): error CS1029: #error: 'This is not done' [" + project + "]")
        .contains("Build FAILED.");
    assertThat(out).doesNotExist();
  }

  @Test
  void publishWithoutRestoreNeedsTheRuntimeToHaveBeenRestored() throws Exception {
    ok("restore", project.toString(), "-r", "linux-x64", "-r", "linux-arm64");

    Processes.Result restored =
        dotnet(
            "publish",
            project.toString(),
            "-r",
            "linux-arm64",
            "--no-restore",
            "-o",
            dir.resolve("a").toString());
    Processes.Result notRestored =
        dotnet(
            "publish",
            project.toString(),
            "-r",
            "linux-arm",
            "--no-restore",
            "-o",
            dir.resolve("b").toString());

    assertThat(restored.exitCode()).isZero();
    assertThat(restored.stdout()).doesNotContain("Determining projects to restore");
    assertThat(notRestored.exitCode()).isEqualTo(1);
    assertThat(notRestored.stdout())
        .contains("error NETSDK1047: Assets file '")
        .contains("doesn't have a target for 'net8.0/linux-arm'");
  }

  @Test
  void theLogCountsPublishesPerRuntime() throws Exception {
    Path log = dir.resolve("dotnet.log");
    env.put(StandInDotnet.LOG_ENV, log.toString());

    ok("--version");
    ok("publish", project.toString(), "-r", "linux-x64", "-o", dir.resolve("a").toString());
    ok("publish", project.toString(), "-r", "linux-arm64", "-o", dir.resolve("b").toString());
    ok("publish", project.toString(), "-r", "linux-x64", "-o", dir.resolve("c").toString());

    assertThat(StandInDotnet.invocations(log)).hasSize(4);
    assertThat(StandInDotnet.invocations(log).get(0))
        .containsExactly(dotnet.toString(), "--version");
    assertThat(StandInDotnet.publishCount(log, "linux-x64")).isEqualTo(2);
    assertThat(StandInDotnet.publishCount(log, "linux-arm64")).isEqualTo(1);
  }

  @Test
  void withoutGccTheLinuxX64PublishFailsSayingWhatToInstall() throws Exception {
    env.put("PATH", dir.resolve("empty").toString());
    env.put(StandInDotnet.CACHE_ENV, dir.resolve("cache").toString());
    List<String> command =
        List.of(
            "/usr/bin/python3",
            dotnet.toString(),
            "publish",
            project.toString(),
            "-r",
            "linux-x64",
            "-o",
            dir.resolve("out").toString());

    Processes.Result result = Processes.run(dir, env, command);

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.stderr()).contains("gcc is needed").contains("gcc and libc6-dev");
    assertThat(dir.resolve("out")).doesNotExist();
  }

  @Test
  void anythingElseIsAnError() throws Exception {
    Processes.Result result = dotnet("build", project.toString());

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.stderr()).contains("unsupported command line");
  }

  private List<String> properties(Path projectFile, String... names) throws Exception {
    return properties(projectFile, List.of(), names);
  }

  private List<String> properties(Path projectFile, List<String> extra, String... names)
      throws Exception {
    List<String> arguments = new ArrayList<>(List.of("msbuild", projectFile.toString()));
    arguments.addAll(extra);
    for (String name : names) {
      arguments.add("-getProperty:" + name);
    }
    String output = ok(arguments.toArray(String[]::new));
    if (names.length == 1) {
      return List.of(output.substring(0, output.length() - 1));
    }
    JsonNode properties = JSON.readTree(output).path("Properties");
    List<String> values = new ArrayList<>();
    for (String name : names) {
      values.add(properties.path(name).asText());
    }
    return values;
  }

  private String ok(String... arguments) throws Exception {
    Processes.Result result = dotnet(arguments);
    assertThat(result.exitCode())
        .as("dotnet %s\n%s%s", String.join(" ", arguments), result.stdout(), result.stderr())
        .isZero();
    return result.stdout();
  }

  private Processes.Result dotnet(String... arguments) throws Exception {
    List<String> command = new ArrayList<>(List.of(dotnet.toString()));
    command.addAll(List.of(arguments));
    return Processes.run(dir, env, command);
  }

  private String run(Path program) throws Exception {
    Processes.Result result = Processes.run(dir, Map.of(), List.of(program.toString()));
    assertThat(result.exitCode()).isZero();
    return result.stdout();
  }

  private static boolean executable(Path file) throws IOException {
    return Files.getPosixFilePermissions(file).contains(PosixFilePermission.OWNER_EXECUTE);
  }

  private static List<String> fileNames(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      return files
          .filter(Files::isRegularFile)
          .map(file -> dir.relativize(file).toString())
          .sorted()
          .toList();
    }
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  /** File name to content digest, for every file under {@code dir}. */
  private static Map<String, String> contents(Path dir) throws IOException {
    Map<String, String> contents = new TreeMap<>();
    for (String name : fileNames(dir)) {
      contents.put(name, RegistryHttp.digestOf(Files.readAllBytes(dir.resolve(name))));
    }
    return contents;
  }
}
