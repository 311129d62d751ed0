package io.konet.core.project;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.konet.core.KonetException;
import io.konet.core.build.BuildLog;
import io.konet.core.build.Dotnet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a project's properties through MSBuild evaluation ({@code dotnet msbuild -getProperty}),
 * so that {@code Directory.Build.props}, imports and conditions count exactly as they do in the
 * build itself.
 */
public final class ProjectInspector {

  private static final List<String> PROPERTIES =
      List.of(
          "TargetFramework",
          "TargetFrameworks",
          "AssemblyName",
          "OutputType",
          "UsingMicrosoftNETSdkWeb",
          "PublishTrimmed",
          "PublishAot",
          "InvariantGlobalization");
  private static final Pattern NET_FRAMEWORK = Pattern.compile("net(\\d+)\\.\\d+(-[a-z0-9.]+)?");
  private static final int OLDEST_SUPPORTED_MAJOR = 6;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Dotnet dotnet;
  private final BuildLog log;

  public ProjectInspector(Dotnet dotnet, BuildLog log) {
    this.dotnet = dotnet;
    this.log = log;
  }

  /**
   * Evaluates {@code projectFile}.
   *
   * @param framework the framework the user chose, or null
   * @param configuration the build configuration, such as {@code Release}
   * @param properties extra MSBuild properties the user passes to every dotnet command
   */
  public ProjectInfo inspect(
      String projectFile,
      String workingDirectory,
      String framework,
      String configuration,
      Map<String, String> properties)
      throws KonetException, InterruptedException {
    JsonNode values = evaluate(projectFile, workingDirectory, framework, configuration, properties);
    String chosen = framework;
    if (chosen == null) {
      chosen = values.path("TargetFramework").asText("");
      List<String> frameworks = splitList(values.path("TargetFrameworks").asText(""));
      if (chosen.isEmpty() && frameworks.size() == 1) {
        chosen = frameworks.get(0);
        values = evaluate(projectFile, workingDirectory, chosen, configuration, properties);
      } else if (chosen.isEmpty() && frameworks.size() > 1) {
        throw new KonetException(
            "Project " + fileName(projectFile) + " targets several frameworks ("
                + String.join(", ", frameworks) + "); choose one with --framework.");
      }
    } else {
      List<String> frameworks = splitList(values.path("TargetFrameworks").asText(""));
      if (!frameworks.isEmpty() && !frameworks.contains(framework)) {
        throw new KonetException(
            "Project " + fileName(projectFile) + " does not target " + framework + "; it targets "
                + String.join(", ", frameworks) + ".");
      }
    }
    if (chosen.isEmpty()) {
      throw new KonetException("Project " + fileName(projectFile) + " names no target framework.");
    }
    String outputType = values.path("OutputType").asText("");
    if (!outputType.equalsIgnoreCase("Exe") && !outputType.equalsIgnoreCase("WinExe")) {
      throw new KonetException(
          "Project " + fileName(projectFile) + " is a library (OutputType "
              + (outputType.isEmpty() ? "Library" : outputType)
              + "); images are built from executable projects (OutputType Exe).");
    }
    String assemblyName = values.path("AssemblyName").asText("");
    return new ProjectInfo(
        projectFile,
        assemblyName.isEmpty() ? baseName(projectFile) : assemblyName,
        chosen,
        majorVersion(projectFile, chosen),
        isTrue(values, "UsingMicrosoftNETSdkWeb"),
        optionalBoolean(values, "PublishTrimmed"),
        isTrue(values, "PublishAot"),
        isTrue(values, "InvariantGlobalization"));
  }

  private JsonNode evaluate(
      String projectFile,
      String workingDirectory,
      String framework,
      String configuration,
      Map<String, String> properties)
      throws KonetException, InterruptedException {
    List<String> arguments = new ArrayList<>(List.of("msbuild", projectFile));
    PROPERTIES.forEach(name -> arguments.add("-getProperty:" + name));
    arguments.add("-p:Configuration=" + configuration);
    if (framework != null) {
      arguments.add("-p:TargetFramework=" + framework);
    }
    properties.forEach((name, value) -> arguments.add("-p:" + name + "=" + value));
    log.detail("evaluating " + projectFile);
    Dotnet.Result result = dotnet.run(arguments, workingDirectory, line -> log.detail(line));
    if (result.exitCode() != 0) {
      if (result.lines().stream().anyMatch(line -> line.contains("MSB1001"))) {
        throw new KonetException(
            "The .NET SDK behind '" + dotnet.executable() + "' is too old to evaluate projects"
                + " (it does not know 'msbuild -getProperty'); install the .NET SDK 8.0.100 or"
                + " newer.");
      }
      throw new KonetException(
          "Evaluating project " + fileName(projectFile) + " failed (dotnet exit code "
              + result.exitCode() + "): " + result.lastErrorLine());
    }
    return parse(projectFile, result.lines());
  }

  private static JsonNode parse(String projectFile, List<String> lines) throws KonetException {
    int start = 0;
    while (start < lines.size() && !lines.get(start).strip().startsWith("{")) {
      start++;
    }
    if (start == lines.size()) {
      throw new KonetException(
          "dotnet printed no properties while evaluating " + fileName(projectFile) + ".");
    }
    try {
      return JSON.readTree(String.join("\n", lines.subList(start, lines.size())))
          .path("Properties");
    } catch (java.io.IOException e) {
      throw new KonetException(
          "dotnet printed properties of " + fileName(projectFile) + " that are not JSON.", e);
    }
  }

  private static int majorVersion(String projectFile, String framework) throws KonetException {
    Matcher matcher = NET_FRAMEWORK.matcher(framework);
    if (matcher.matches()) {
      int major = Integer.parseInt(matcher.group(1));
      if (major >= OLDEST_SUPPORTED_MAJOR && major < 40) {
        return major;
      }
    }
    throw new KonetException(
        "Project " + fileName(projectFile) + " targets " + framework
            + "; container images need .NET " + OLDEST_SUPPORTED_MAJOR + " or newer (net8.0).");
  }

  private static boolean isTrue(JsonNode values, String name) {
    return values.path(name).asText("").equalsIgnoreCase("true");
  }

  private static Boolean optionalBoolean(JsonNode values, String name) {
    String value = values.path(name).asText("");
    return value.isEmpty() ? null : value.equalsIgnoreCase("true");
  }

  private static List<String> splitList(String value) {
    return Arrays.stream(value.split(";")).map(String::strip).filter(s -> !s.isEmpty()).toList();
  }

  private static String fileName(String path) {
    int slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
    return path.substring(slash + 1);
  }

  private static String baseName(String path) {
    String name = fileName(path);
    int dot = name.lastIndexOf('.');
    return dot < 0 ? name : name.substring(0, dot);
  }
}
