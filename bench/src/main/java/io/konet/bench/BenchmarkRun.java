package io.konet.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.konet.core.build.BuildLog;
import io.konet.core.build.BuildRequest;
import io.konet.core.build.ImageBuild;
import io.konet.core.build.LocalBuildNode;
import io.konet.core.build.LocalCommandRunner;
import io.konet.core.image.ImageSettings;
import io.konet.core.platform.PlatformParser;
import io.konet.core.publish.PublishSettings;
import io.konet.core.push.PushResult;
import io.konet.core.registry.CredentialSource;
import io.konet.core.registry.ImageName;
import io.konet.core.registry.RegistrySession;
import io.konet.core.registry.RegistrySettings;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One measured build, in a JVM of its own so that its memory is its own: runs the engine as the
 * command line does and prints one JSON line with wall time, peak heap, peak resident memory and
 * what the engine uploaded.
 *
 * <p>Arguments: project, platforms, tag, mcr mirror host, dotnet, {@code split} or {@code
 * single}, layer cache directory, scratch directory.
 */
public final class BenchmarkRun {

  private BenchmarkRun() {}

  public static void main(String[] args) throws Exception {
    String project = args[0];
    String platforms = args[1];
    String tag = args[2];
    String mirror = args[3];
    String dotnet = args[4];
    boolean split = args[5].equals("split");
    String cache = args[6];
    Path scratch = Files.createDirectories(Path.of(args[7]));
    BuildRequest request =
        new BuildRequest(
            project,
            PlatformParser.parseList(platforms),
            // One publish at a time, so that dotnet never runs while konet packs or pushes and
            // the two can be timed apart.
            PublishSettings.builder().dotnet(dotnet).splitLayers(split).layerCache(cache)
                .parallelism(1).build(),
            ImageSettings.builder().build(),
            List.of(ImageName.parse(tag)),
            null,
            false,
            4);
    long origin = System.nanoTime();
    BuildLog quiet =
        System.getenv("KONET_BENCH_TRACE") == null
            ? BuildLog.discarding()
            : new BuildLog() {
              @Override
              public void info(String line) {
                System.err.printf("%6d ms  %s%n", (System.nanoTime() - origin) / 1_000_000, line);
              }

              @Override
              public void detail(String line) {
                info("  " + line);
              }
            };
    TimedCommandRunner dotnetClock = new TimedCommandRunner(new LocalCommandRunner());
    System.gc();
    ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    long start = System.nanoTime();
    PushResult result;
    try (RegistrySession session =
        new RegistrySession(
            new RegistrySettings(Set.of(), Map.of("mcr.microsoft.com", mirror)),
            CredentialSource.anonymous(), quiet)) {
      LocalBuildNode node = new LocalBuildNode("bench", Path.of(""), scratch, dotnetClock);
      result = new ImageBuild(node, session, quiet).run(request);
    }
    long wallMillis = (System.nanoTime() - start) / 1_000_000;
    ObjectNode json = new ObjectMapper().createObjectNode();
    json.put("wallMillis", wallMillis);
    json.put("dotnetMillis", dotnetClock.totalMillis());
    json.put("imageMillis", wallMillis - dotnetClock.totalMillis());
    json.put("peakHeapBytes", peakHeap());
    json.put("peakResidentBytes", peakResident());
    json.put("engineBytesUploaded", result.statistics().bytesUploaded());
    json.put("blobsUploaded", result.statistics().blobsUploaded());
    json.put("blobsSkipped", result.statistics().blobsSkipped());
    json.put("indexDigest", result.indexDigest());
    System.out.println(json);
  }

  /** Sum of the heap pools' peaks since the reset: an upper bound of the heap in use. */
  private static long peakHeap() {
    long total = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
        total += pool.getPeakUsage().getUsed();
      }
    }
    return total;
  }

  /** The process's peak resident set (VmHWM), or -1 where /proc is not available. */
  private static long peakResident() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmHWM:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
        }
      }
    } catch (Exception e) {
      return -1;
    }
    return -1;
  }
}
