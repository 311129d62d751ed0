package io.konet.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.konet.core.layer.LayerKind;
import io.konet.core.layer.PublishOutputClassifier;
import io.konet.testing.BaseImageSeeder;
import io.konet.testing.StandInDotnet;
import io.konet.testing.TcpProxy;
import io.konet.testing.TestRegistry;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Split layers against one layer, side by side, on local registries: a cold push to an empty
 * registry, the same build again (warm), and a rebuild after an app-only change, for a synthetic
 * self-contained trimmed ASP.NET app published for three Linux platforms. Reports wall time,
 * bytes sent to the registry (counted by a TCP proxy in front of it), and peak heap and
 * resident memory of the JVM that ran the build; then pushes one very large layer with a small
 * heap to show that memory does not grow with layer size.
 *
 * <p>Options: {@code --quick} (tiny sizes, for a smoke run), {@code --runtime-mb N}, {@code
 * --deps-mb N}, {@code --app-mb N}, {@code --big-layer-mb N} (0 skips it), {@code --heap SIZE}.
 */
public final class LayerBenchmark {

  private static final String PLATFORMS = "linux/amd64,linux/arm64,linux/arm/v7";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path work;
  private final PrintStream out;
  private final Options options;
  private TestRegistry mcr;
  private Path standIn;

  /** What to measure. */
  record Options(
      double runtimeMb, double depsMb, double appMb, int bigLayerMb, String heap,
      List<Integer> linksMbit) {

    static Options parse(String[] args) {
      double runtime = 40;
      double deps = 5;
      double app = 1;
      int big = 1024;
      String heap = "512m";
      List<Integer> links = List.of(100, 0);
      for (int i = 0; i < args.length; i++) {
        switch (args[i]) {
          case "--quick" -> {
            runtime = 2;
            deps = 0.5;
            app = 0.1;
            big = 0;
            links = List.of(0);
          }
          case "--links" -> links = java.util.Arrays.stream(args[++i].split(","))
              .map(String::strip).map(Integer::valueOf).toList();
          case "--runtime-mb" -> runtime = Double.parseDouble(args[++i]);
          case "--deps-mb" -> deps = Double.parseDouble(args[++i]);
          case "--app-mb" -> app = Double.parseDouble(args[++i]);
          case "--big-layer-mb" -> big = Integer.parseInt(args[++i]);
          case "--heap" -> heap = args[++i];
          default -> throw new IllegalArgumentException("unknown option " + args[i]);
        }
      }
      return new Options(runtime, deps, app, big, heap, links);
    }
  }

  /** One measured build. */
  record Measurement(
      int linkMbit, String run, String mode, long wallMillis, long imageMillis, long bytesToRegistry,
      long engineBytes, int blobsUploaded, long peakHeapBytes, long peakResidentBytes) {}

  LayerBenchmark(Path work, PrintStream out, Options options) {
    this.work = work;
    this.out = out;
    this.options = options;
  }

  public static void main(String[] args) throws Exception {
    Path work = Files.createTempDirectory("konet-bench-");
    try {
      new LayerBenchmark(work, System.out, Options.parse(args)).run();
    } finally {
      deleteTree(work);
    }
  }

  /** Runs everything and prints the report; returns the side-by-side measurements. */
  List<Measurement> run() throws Exception {
    mcr = TestRegistry.start(work.resolve("mcr"));
    try {
      BaseImageSeeder.seed(mcr);
      standIn = StandInDotnet.install(work.resolve("standin"));
      Map<LayerKind, Long> sizes = calibrate();
      out.printf(Locale.ROOT, "publish output per platform: runtime %.1f MB, dependencies %.1f MB,"
              + " app %.2f MB; platforms %s%n", mb(sizes.get(LayerKind.RUNTIME)),
          mb(sizes.get(LayerKind.DEPENDENCIES)), mb(sizes.get(LayerKind.APP)), PLATFORMS);
      List<Measurement> measurements = new ArrayList<>();
      for (int link : options.linksMbit()) {
        List<Measurement> scenario = new ArrayList<>();
        scenario.addAll(sequence("single", link));
        scenario.addAll(sequence("split", link));
        out.printf(Locale.ROOT, "%n### Registry behind %s%n",
            link > 0 ? "a " + link + " Mbit/s link" : "loopback, no bandwidth limit");
        report(scenario);
        measurements.addAll(scenario);
      }
      if (options.bigLayerMb() > 0) {
        bigLayer();
      }
      return measurements;
    } finally {
      mcr.close();
    }
  }

  /** Cold, warm and app-only rebuild in one mode, each against the same fresh registry. */
  private List<Measurement> sequence(String mode, int linkMbit) throws Exception {
    String name = mode + "-" + linkMbit;
    Path project = syntheticProject(work.resolve("project-" + name));
    Path cache = work.resolve("cache-" + name);
    List<Measurement> results = new ArrayList<>();
    try (TestRegistry target = TestRegistry.start(work.resolve("target-" + name));
        TcpProxy proxy = TcpProxy.start(target.hostPort())) {
      proxy.limitUploads(linkMbit * 1_000_000L / 8);
      String tag = proxy.hostPort() + "/bench/shop:" + mode;
      results.add(measure(linkMbit, "cold", mode, project, tag, cache, proxy, options.heap()));
      results.add(measure(linkMbit, "warm", mode, project, tag, cache, proxy, options.heap()));
      Path program = project.resolveSibling("Program.cs");
      Files.writeString(program, Files.readString(program) + "\n// app-only change\n");
      results.add(
          measure(linkMbit, "rebuild", mode, project, tag, cache, proxy, options.heap()));
    }
    return results;
  }

  private Measurement measure(int linkMbit, String run, String mode, Path project, String tag,
      Path cache, TcpProxy proxy, String heap) throws Exception {
    proxy.resetCounters();
    JsonNode result = runInOwnJvm(heap, project, PLATFORMS, tag, mode, cache);
    return new Measurement(linkMbit, run, mode, result.path("wallMillis").asLong(),
        result.path("imageMillis").asLong(), proxy.bytesFromClients(), result.path("engineBytesUploaded").asLong(),
        result.path("blobsUploaded").asInt(), result.path("peakHeapBytes").asLong(),
        result.path("peakResidentBytes").asLong());
  }

  private JsonNode runInOwnJvm(String heap, Path project, String platforms, String tag,
      String mode, Path cache) throws Exception {
    List<String> command =
        List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Xmx" + heap, "-cp", System.getProperty("java.class.path"),
            BenchmarkRun.class.getName(), project.toString(), platforms, tag,
            mcr.hostPort(), work.resolve("dotnet").toString(), mode, cache.toString(),
            work.resolve("scratch").toString());
    Process process =
        new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(30, TimeUnit.MINUTES) || process.exitValue() != 0) {
      throw new IllegalStateException("the measured build failed: " + output);
    }
    List<String> lines = output.lines().toList();
    return JSON.readTree(lines.get(lines.size() - 1));
  }

  /**
   * Sizes the stand-in's files so that one platform's output holds about the requested runtime,
   * dependencies and app, and writes the {@code dotnet} wrapper that sets them.
   */
  private Map<LayerKind, Long> calibrate() throws Exception {
    Path probe = syntheticProject(work.resolve("calibration"));
    writeDotnetWrapper(Map.of());
    Map<LayerKind, long[]> counted = publishAndCount(probe, "probe");
    long runtimeFiles = counted.get(LayerKind.RUNTIME)[0];
    long packageFiles = counted.get(LayerKind.DEPENDENCIES)[0];
    Map<String, String> sizes = new LinkedHashMap<>();
    sizes.put("KONET_STANDIN_RUNTIME_BYTES",
        Long.toString((long) (options.runtimeMb() * 1_000_000 / runtimeFiles)));
    sizes.put("KONET_STANDIN_PACKAGE_BYTES",
        Long.toString((long) (options.depsMb() * 1_000_000 / packageFiles)));
    // The app assembly, its pdb (a quarter) and the apphost (twice) follow this size.
    sizes.put("KONET_STANDIN_APP_BYTES", Long.toString((long) (options.appMb() * 1_000_000
        / 3.25)));
    writeDotnetWrapper(sizes);
    Map<LayerKind, long[]> calibrated = publishAndCount(probe, "calibrated");
    Map<LayerKind, Long> bytes = new EnumMap<>(LayerKind.class);
    calibrated.forEach((kind, countAndBytes) -> bytes.put(kind, countAndBytes[1]));
    return bytes;
  }

  private Map<LayerKind, long[]> publishAndCount(Path project, String name) throws Exception {
    Path output = work.resolve("publish-" + name);
    exec(project, work.resolve("dotnet").toString(), "restore", project.toString(), "-r",
        "linux-x64", "-p:SelfContained=true", "-p:PublishTrimmed=true");
    exec(project, work.resolve("dotnet").toString(), "publish", project.toString(), "-c",
        "Release", "-r", "linux-x64", "-o", output.toString(), "--no-restore",
        "-p:SelfContained=true", "-p:PublishTrimmed=true");
    PublishOutputClassifier classifier = PublishOutputClassifier.read(output, "shop").orElseThrow();
    Map<LayerKind, long[]> counts = new EnumMap<>(LayerKind.class);
    for (LayerKind kind : List.of(LayerKind.RUNTIME, LayerKind.DEPENDENCIES, LayerKind.APP)) {
      counts.put(kind, new long[2]);
    }
    try (Stream<Path> files = Files.walk(output)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        long[] entry = counts.get(classifier.kindOf(
            output.relativize(file).toString().replace('\\', '/')));
        entry[0]++;
        entry[1] += Files.size(file);
      }
    }
    deleteTree(output);
    return counts;
  }

  private void writeDotnetWrapper(Map<String, String> sizes) throws IOException {
    StringBuilder script = new StringBuilder("#!/bin/sh\n");
    sizes.forEach((name, value) -> script.append("export ").append(name).append('=')
        .append(value).append('\n'));
    script.append("exec '").append(standIn).append("' \"$@\"\n");
    Path wrapper = work.resolve("dotnet");
    Files.writeString(wrapper, script);
    Files.setPosixFilePermissions(wrapper, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  /** A web project with five NuGet packages, like a small ASP.NET service. */
  private static Path syntheticProject(Path directory) throws IOException {
    Files.createDirectories(directory);
    Files.writeString(directory.resolve("shop.csproj"), """
        <Project Sdk="Microsoft.NET.Sdk.Web">
          <PropertyGroup>
            <TargetFramework>net8.0</TargetFramework>
            <InvariantGlobalization>true</InvariantGlobalization>
          </PropertyGroup>
          <ItemGroup>
            <PackageReference Include="Newtonsoft.Json" Version="13.0.3" />
            <PackageReference Include="Serilog.AspNetCore" Version="8.0.1" />
            <PackageReference Include="Dapper" Version="2.1.35" />
            <PackageReference Include="Polly" Version="8.4.0" />
            <PackageReference Include="FluentValidation" Version="11.9.2" />
          </ItemGroup>
        </Project>
        """);
    Files.writeString(directory.resolve("Program.cs"), """
        var app = WebApplication.CreateBuilder(args).Build();
        app.MapGet("/", () => "shop");
        app.Run();
        """);
    return directory.resolve("shop.csproj");
  }

  /** One layer of about {@code --big-layer-mb} pushed by a JVM with a 256 MB heap. */
  private void bigLayer() throws Exception {
    Path project = syntheticProject(work.resolve("project-big"));
    Map<String, String> sizes = new LinkedHashMap<>();
    Map<LayerKind, long[]> counted = publishAndCount(project, "big-probe");
    sizes.put("KONET_STANDIN_RUNTIME_BYTES", Long.toString(
        (long) options.bigLayerMb() * 1_000_000 / counted.get(LayerKind.RUNTIME)[0]));
    writeDotnetWrapper(sizes);
    try (TestRegistry target = TestRegistry.start(work.resolve("target-big"));
        TcpProxy proxy = TcpProxy.start(target.hostPort())) {
      JsonNode result =
          runInOwnJvm("256m", project, "linux/amd64", proxy.hostPort() + "/bench/big:1",
              "single", work.resolve("cache-big"));
      out.printf(Locale.ROOT, "%nOne %d MB publish output in one layer with -Xmx256m: image work"
              + " %.1f s, %.0f MB sent,"
              + " peak heap %.0f MB, peak resident %.0f MB%n", options.bigLayerMb(),
          result.path("imageMillis").asLong() / 1000.0, mb(proxy.bytesFromClients()),
          mb(result.path("peakHeapBytes").asLong()), mb(result.path("peakResidentBytes").asLong()));
    }
  }

  private void report(List<Measurement> measurements) {
    out.println();
    out.println("| run | mode | image work (s) | whole build (s) | sent to registry (MB) |"
        + " blobs uploaded | peak heap (MB) | peak resident (MB) |");
    out.println("|---|---|---:|---:|---:|---:|---:|---:|");
    for (Measurement m : measurements) {
      out.printf(Locale.ROOT, "| %s | %s | %.2f | %.2f | %.2f | %d | %.0f | %.0f |%n", m.run(),
          m.mode(), m.imageMillis() / 1000.0, m.wallMillis() / 1000.0, mb(m.bytesToRegistry()),
          m.blobsUploaded(), mb(m.peakHeapBytes()), mb(m.peakResidentBytes()));
    }
    out.println();
    out.println("| run | image work split/single | whole build split/single |"
        + " bytes split/single |");
    out.println("|---|---:|---:|---:|");
    for (String run : List.of("cold", "warm", "rebuild")) {
      Measurement split = find(measurements, run, "split");
      Measurement single = find(measurements, run, "single");
      out.printf(Locale.ROOT, "| %s | %.2f | %.2f | %.3f |%n", run,
          (double) split.imageMillis() / single.imageMillis(),
          (double) split.wallMillis() / single.wallMillis(),
          (double) split.bytesToRegistry() / single.bytesToRegistry());
    }
    out.println();
    Measurement splitRebuild = find(measurements, "rebuild", "split");
    Measurement singleRebuild = find(measurements, "rebuild", "single");
    check("rebuild sends at least 20 times fewer bytes",
        splitRebuild.bytesToRegistry() * 20 <= singleRebuild.bytesToRegistry());
    check("rebuild image work takes at most a quarter of the wall time",
        splitRebuild.imageMillis() * 4 <= singleRebuild.imageMillis());
    check("warm build uploads no layer",
        find(measurements, "warm", "split").blobsUploaded() == 0
            && find(measurements, "warm", "single").blobsUploaded() == 0);
    check("cold image work no slower than 1.2 times one layer",
        find(measurements, "cold", "split").imageMillis()
            <= 1.2 * find(measurements, "cold", "single").imageMillis());
  }

  private void check(String target, boolean met) {
    out.println((met ? "MET     " : "NOT MET ") + target);
  }

  private static Measurement find(List<Measurement> all, String run, String mode) {
    return all.stream().filter(m -> m.run().equals(run) && m.mode().equals(mode)).findFirst()
        .orElseThrow();
  }

  private static double mb(long bytes) {
    return bytes / 1_000_000.0;
  }

  private void exec(Path project, String... command) throws Exception {
    Process process =
        new ProcessBuilder(command).directory(project.getParent().toFile())
            .redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (process.waitFor() != 0) {
      throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
    }
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path path : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }
}
