package io.konet.core.build;

import io.konet.core.KonetException;
import io.konet.core.layer.LayerPackRequest;
import io.konet.core.layer.PackedLayer;
import io.konet.core.layer.PackedLayers;
import io.konet.core.platform.Platform;
import io.konet.core.project.ProjectInfo;
import io.konet.core.project.ProjectInspector;
import io.konet.core.publish.PublishPlan;
import io.konet.core.publish.PublishSettings;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

/**
 * Publishes a project on a node: evaluates it, restores once for every RID, runs one {@code
 * dotnet publish} per RID (several at once, up to a bound) and packs each output into layers.
 */
public final class PublishPhase {

  private final BuildNode node;
  private final BuildLog log;

  public PublishPhase(BuildNode node, BuildLog log) {
    this.node = node;
    this.log = log;
  }

  /** Finds and evaluates the project and works out which RIDs to publish. */
  public PublishPlan prepare(String project, List<Platform> platforms, PublishSettings settings)
      throws KonetException, IOException, InterruptedException {
    String projectFile = node.locateProject(project);
    Dotnet dotnet = new Dotnet(node, settings.dotnet());
    ProjectInfo info =
        new ProjectInspector(dotnet, log)
            .inspect(
                projectFile,
                node.parentOf(projectFile),
                settings.framework(),
                settings.configuration(),
                settings.properties());
    PublishPlan plan = PublishPlan.of(info, settings, platforms, node.isWindows());
    log.info(
        "project " + info.assemblyName() + " (" + info.targetFramework() + ", "
            + describeMode(plan) + ") for " + platforms.stream().map(Platform::toString)
            .collect(Collectors.joining(", ")));
    return plan;
  }

  /**
   * Publishes and packs every RID of the plan. The layers stay on the node, in the returned
   * scratch directory; on failure nothing is left there.
   */
  public PublishedApp publish(PublishPlan plan, PublishSettings settings, long timestampSeconds)
      throws KonetException, IOException, InterruptedException {
    return publish(plan, settings, timestampSeconds, () -> {});
  }

  /** Checks that run while dotnet restores; publishing starts only once they pass. */
  @FunctionalInterface
  public interface Gate {
    void await() throws KonetException, InterruptedException;
  }

  /**
   * Publishes and packs every RID of the plan, starting the publishes only after {@code gate}
   * passes, so that checks (registry logins, base images) overlap the restore without a publish
   * ever starting for a build that is going to fail.
   */
  public PublishedApp publish(
      PublishPlan plan, PublishSettings settings, long timestampSeconds, Gate gate)
      throws KonetException, IOException, InterruptedException {
    String scratch = node.createScratchDirectory();
    boolean done = false;
    try {
      Dotnet dotnet = new Dotnet(node, settings.dotnet());
      Map<String, String> properties = plan.msbuildProperties(settings);
      String projectFile = plan.project().projectFile();
      String projectDirectory = node.parentOf(projectFile);
      restore(dotnet, plan, properties, projectFile, projectDirectory);
      gate.await();
      List<PublishedApp.PublishedRuntime> runtimes =
          publishAll(dotnet, plan, settings, properties, scratch, timestampSeconds);
      done = true;
      return new PublishedApp(node.name(), plan, settings, runtimes, scratch);
    } finally {
      if (!done) {
        node.deleteScratchDirectory(scratch);
      }
    }
  }

  private void restore(
      Dotnet dotnet,
      PublishPlan plan,
      Map<String, String> properties,
      String projectFile,
      String projectDirectory)
      throws KonetException, InterruptedException {
    List<String> arguments = new ArrayList<>(List.of("restore", projectFile));
    for (String rid : plan.publishesByRid().keySet()) {
      arguments.add("-r");
      arguments.add(rid);
    }
    properties.forEach((name, value) -> arguments.add("-p:" + name + "=" + value));
    log.info("restoring for " + String.join(", ", plan.publishesByRid().keySet()));
    Dotnet.Result result = dotnet.run(arguments, projectDirectory, line -> log.info(line));
    if (result.exitCode() != 0) {
      throw new KonetException(
          "dotnet restore failed with exit code " + result.exitCode() + ": "
              + result.lastErrorLine());
    }
  }

  private List<PublishedApp.PublishedRuntime> publishAll(
      Dotnet dotnet,
      PublishPlan plan,
      PublishSettings settings,
      Map<String, String> properties,
      String scratch,
      long timestampSeconds)
      throws KonetException, InterruptedException {
    ExecutorService executor =
        Executors.newFixedThreadPool(
            Math.min(settings.parallelism(), plan.publishesByRid().size()),
            runnable -> {
              Thread thread = new Thread(runnable, "konet-publish");
              thread.setDaemon(true);
              return thread;
            });
    try {
      List<Future<PublishedApp.PublishedRuntime>> futures = new ArrayList<>();
      for (Map.Entry<String, List<Platform>> entry : plan.publishesByRid().entrySet()) {
        futures.add(
            executor.submit(
                () ->
                    publishOne(dotnet, plan, settings, properties, scratch, entry.getKey(),
                        entry.getValue(), timestampSeconds)));
      }
      List<PublishedApp.PublishedRuntime> runtimes = new ArrayList<>();
      for (Future<PublishedApp.PublishedRuntime> future : futures) {
        runtimes.add(awaitOrCancelAll(future, futures));
      }
      return runtimes;
    } finally {
      executor.shutdownNow();
    }
  }

  private static <T> T awaitOrCancelAll(Future<T> future, List<? extends Future<?>> all)
      throws KonetException, InterruptedException {
    try {
      return future.get();
    } catch (ExecutionException e) {
      all.forEach(other -> other.cancel(true));
      Throwable cause = e.getCause();
      if (cause instanceof KonetException konetException) {
        throw konetException;
      }
      if (cause instanceof InterruptedException interrupted) {
        throw interrupted;
      }
      throw new KonetException("Publishing failed: " + cause, cause);
    } catch (InterruptedException e) {
      all.forEach(other -> other.cancel(true));
      throw e;
    }
  }

  private PublishedApp.PublishedRuntime publishOne(
      Dotnet dotnet,
      PublishPlan plan,
      PublishSettings settings,
      Map<String, String> properties,
      String scratch,
      String rid,
      List<Platform> platforms,
      long timestampSeconds)
      throws KonetException, IOException, InterruptedException {
    String projectFile = plan.project().projectFile();
    String output = node.resolve(node.resolve(scratch, "publish"), rid);
    List<String> arguments =
        new ArrayList<>(
            List.of("publish", projectFile, "-c", settings.configuration(), "-r", rid, "-o",
                output, "--no-restore"));
    if (settings.framework() != null) {
      arguments.add("-f");
      arguments.add(settings.framework());
    }
    properties.forEach((name, value) -> arguments.add("-p:" + name + "=" + value));
    log.info("publishing " + rid + " for "
        + platforms.stream().map(Platform::toString).collect(Collectors.joining(", ")));
    String prefix = "[" + rid + "] ";
    Dotnet.Result result =
        dotnet.run(arguments, node.parentOf(projectFile), line -> log.info(prefix + line));
    if (result.exitCode() != 0) {
      throw new KonetException(
          "dotnet publish for " + rid + " failed with exit code " + result.exitCode() + ": "
              + result.lastErrorLine());
    }
    PackedLayers layers =
        node.packLayers(
            new LayerPackRequest(
                output,
                node.resolve(node.resolve(scratch, "layers"), rid),
                platforms.get(0).isWindows(),
                plan.project().assemblyName(),
                plan.splittable(settings),
                timestampSeconds,
                settings.layerCache(),
                settings.layerCacheMaxBytes()));
    log.info("packed " + rid + ": " + describeLayers(layers.layers()));
    return new PublishedApp.PublishedRuntime(rid, platforms, layers);
  }

  private static String describeMode(PublishPlan plan) {
    switch (plan.mode()) {
      case FRAMEWORK_DEPENDENT:
        return "framework-dependent";
      case NATIVE_AOT:
        return "native AOT";
      default:
        return plan.trimmed() ? "self-contained, trimmed" : "self-contained";
    }
  }

  static String describeLayers(List<PackedLayer> layers) {
    return layers.stream()
        .map(layer -> layer.kind().label() + " " + Sizes.describe(layer.size())
            + (layer.reused() ? " (unchanged)" : ""))
        .collect(Collectors.joining(", "));
  }
}
