package io.konet.core.push;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.konet.core.KonetException;
import io.konet.core.build.BuildLog;
import io.konet.core.build.LayerSource;
import io.konet.core.build.PublishedApp;
import io.konet.core.image.AppLaunch;
import io.konet.core.image.BaseImage;
import io.konet.core.image.BaseImageChooser;
import io.konet.core.image.BaseImageResolver;
import io.konet.core.image.ImageConfigBuilder;
import io.konet.core.image.ImageSettings;
import io.konet.core.image.IndexBuilder;
import io.konet.core.image.Json;
import io.konet.core.image.ManifestBuilder;
import io.konet.core.image.ManifestFamily;
import io.konet.core.image.PlatformImage;
import io.konet.core.layer.PackedLayer;
import io.konet.core.platform.Platform;
import io.konet.core.publish.PublishPlan;
import io.konet.core.publish.PublishSettings;
import io.konet.core.registry.ImageName;
import io.konet.core.registry.RegistrySession;
import io.konet.core.registry.RepositoryAccess;
import io.konet.core.registry.Sha256;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Assembles and pushes the images: for every platform, the base image's layers (skipped,
 * mounted or streamed registry to registry), the application's layers (only those the target
 * lacks, read from where they were packed), the config and the manifest; then, once every
 * platform image is complete, the per-platform tags and the index at every tag. A failure on any
 * platform leaves every tag untouched.
 */
public final class PushPhase {

  private final RegistrySession session;
  private final BaseImageResolver resolver;
  private final BuildLog log;
  private final int uploadParallelism;

  public PushPhase(
      RegistrySession session, BaseImageResolver resolver, BuildLog log, int uploadParallelism) {
    this.session = session;
    this.resolver = resolver;
    this.log = log;
    this.uploadParallelism = uploadParallelism;
  }

  /** One platform to build: which publish it comes from and its base image. */
  public record PlatformJob(
      Platform platform, PublishedApp app, PublishedApp.PublishedRuntime runtime,
      LayerSource layers, ImageName baseName) {}

  /** Lists the platforms of the sources with their base images, refusing duplicates. */
  public static List<PlatformJob> plan(List<PublishedSource> sources, ImageSettings settings)
      throws KonetException {
    Map<Platform, PlatformJob> jobs = new LinkedHashMap<>();
    for (PublishedSource source : sources) {
      PublishedApp app = source.app();
      for (PublishedApp.PublishedRuntime runtime : app.runtimes()) {
        for (Platform platform : runtime.platforms()) {
          PlatformJob job =
              new PlatformJob(platform, app, runtime, source.layers(),
                  baseName(platform, app.plan(), app.settings(), settings));
          PlatformJob earlier = jobs.putIfAbsent(platform, job);
          if (earlier != null) {
            throw new KonetException(
                "Platform " + platform + " was published twice (on " + earlier.app().nodeName()
                    + " and on " + app.nodeName() + "); publish each platform once.");
          }
        }
      }
    }
    if (jobs.isEmpty()) {
      throw new KonetException("Nothing was published; there is no image to push.");
    }
    return List.copyOf(jobs.values());
  }

  /** The official base image of a platform, chosen by default or by the user. */
  public static ImageName baseName(
      Platform platform, PublishPlan plan, PublishSettings publish, ImageSettings settings)
      throws KonetException {
    return ImageName.parse(
        BaseImageChooser.choose(
            platform, plan.mode(), plan.project(), publish.family(), settings.baseImages()));
  }

  /** Resolves every job's base image now, so a missing platform fails before any work. */
  public Map<Platform, BaseImage> resolveBases(List<PlatformJob> jobs) throws KonetException {
    Map<Platform, BaseImage> bases = new LinkedHashMap<>();
    for (PlatformJob job : jobs) {
      bases.put(job.platform(), resolver.resolve(job.baseName(), job.platform()));
    }
    return bases;
  }

  /**
   * Pushes every job's image to {@code target}, then tags the index.
   *
   * @param tags the tags for the index, the main one first
   * @param platformTags whether to also tag each platform image as {@code <tag>-<platform>}
   */
  public PushResult push(
      List<PlatformJob> jobs,
      Map<Platform, BaseImage> bases,
      ImageSettings settings,
      ImageTarget target,
      List<String> tags,
      boolean platformTags)
      throws KonetException, InterruptedException {
    ExecutorService uploadPool = pool(uploadParallelism, "konet-upload");
    ExecutorService platformPool = pool(Math.min(jobs.size(), 8), "konet-platform");
    try {
      BlobUploads uploads = new BlobUploads(target, uploadPool, log);
      List<Future<PushedPlatform>> futures = new ArrayList<>();
      for (PlatformJob job : jobs) {
        BaseImage base = bases.get(job.platform());
        futures.add(platformPool.submit(() -> pushPlatform(job, base, settings, target, uploads)));
      }
      List<PushedPlatform> pushed = new ArrayList<>();
      for (int i = 0; i < futures.size(); i++) {
        pushed.add(await(futures.get(i), futures, jobs.get(i).platform()));
      }
      return tagAll(target, pushed, tags, platformTags, uploads.statistics());
    } finally {
      platformPool.shutdownNow();
      uploadPool.shutdownNow();
    }
  }

  private record PushedPlatform(PlatformImage image, byte[] manifest) {}

  private PushedPlatform pushPlatform(
      PlatformJob job, BaseImage base, ImageSettings settings, ImageTarget target,
      BlobUploads uploads) throws KonetException {
    Platform platform = job.platform();
    boolean windows = platform.isWindows();
    List<PackedLayer> layers = job.runtime().layers().layers();
    String assemblyName = job.app().plan().project().assemblyName();
    AppLaunch launch =
        AppLaunch.of(windows, assemblyName, job.app().plan().mode(), job.runtime().layers(),
            job.runtime().rid());
    log.info(platform + ": on " + base.name() + "@" + BlobUploads.shortDigest(base.manifestDigest()));
    List<CompletableFuture<Void>> pending = new ArrayList<>();
    pending.addAll(ensureBaseLayers(base, target, uploads));
    for (PackedLayer layer : layers) {
      pending.add(
          uploads.ensure(
              new BlobUploads.Blob(layer.digest(), layer.size(),
                  layer.kind().label() + " layer", content(job.layers(), layer), null)));
    }
    ObjectNode config =
        ImageConfigBuilder.build(base, layers, launch, settings, job.app().plan().project().web(),
            job.runtime().rid());
    byte[] configBytes = Json.bytes(config);
    String configDigest = Sha256.digest(configBytes);
    pending.add(
        uploads.ensure(
            new BlobUploads.Blob(configDigest, configBytes.length, "config",
                out -> out.write(configBytes), null)));
    awaitAll(pending);
    ManifestFamily family =
        target.requiredFamily() != null ? target.requiredFamily() : base.family();
    byte[] manifest =
        Json.bytes(ManifestBuilder.build(base, family, configDigest, configBytes.length, layers));
    String manifestDigest = Sha256.digest(manifest);
    String mediaType = family.manifestType();
    target.putManifest(manifest, mediaType, manifestDigest);
    log.info("pushed image " + platform + " " + manifestDigest);
    return new PushedPlatform(
        new PlatformImage(platform, base.platform(), manifestDigest, mediaType, manifest.length),
        manifest);
  }

  private List<CompletableFuture<Void>> ensureBaseLayers(
      BaseImage base, ImageTarget target, BlobUploads uploads) throws KonetException {
    List<CompletableFuture<Void>> pending = new ArrayList<>();
    String mountFrom =
        target.canMountFrom(base.source().registry()) ? base.source().repository() : null;
    RepositoryAccess baseAccess =
        session.forPull(base.source().registry(), base.source().repository());
    for (JsonNode layer : base.layers()) {
      String digest = layer.path("digest").asText();
      if (layer.has("urls") || layer.path("mediaType").asText("").contains("foreign")) {
        log.detail("base layer " + digest + " is a foreign layer; registries fetch it themselves");
        continue;
      }
      pending.add(
          uploads.ensure(
              new BlobUploads.Blob(digest, layer.path("size").asLong(), "base layer",
                  out -> pullInto(baseAccess, digest, out), mountFrom)));
    }
    return pending;
  }

  private static void pullInto(RepositoryAccess access, String digest, java.io.OutputStream out)
      throws java.io.IOException {
    access.pullBlob(digest, out, count -> {});
  }

  private static io.konet.core.registry.BlobContent content(LayerSource source, PackedLayer layer) {
    return out -> {
      try (InputStream in = source.open(layer)) {
        in.transferTo(out);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("interrupted while reading layer " + layer.digest());
      }
    };
  }

  private PushResult tagAll(
      ImageTarget target,
      List<PushedPlatform> pushed,
      List<String> tags,
      boolean platformTags,
      PushStatistics statistics)
      throws KonetException {
    List<PushResult.PlatformResult> platforms = new ArrayList<>();
    for (PushedPlatform platform : pushed) {
      String platformTag = null;
      if (platformTags) {
        for (String tag : tags) {
          String suffixed = tag + "-" + platform.image().platform().tagSuffix();
          target.tag(platform.manifest(), platform.image().manifestMediaType(), suffixed);
          platformTag = platformTag == null ? suffixed : platformTag;
        }
      }
      platforms.add(
          new PushResult.PlatformResult(
              platform.image().platform().toString(), platform.image().manifestDigest(),
              platformTag));
    }
    List<PlatformImage> images = pushed.stream().map(PushedPlatform::image).toList();
    byte[] index = Json.bytes(IndexBuilder.build(images));
    String indexDigest = Sha256.digest(index);
    String indexType = IndexBuilder.familyOf(images).indexType();
    for (String tag : tags) {
      target.tag(index, indexType, tag);
    }
    target.commit();
    log.info("pushed index " + indexDigest + " to " + target.describe() + ":"
        + String.join(", :", tags));
    return new PushResult(target.describe(), tags, indexDigest, indexType, platforms, statistics);
  }

  private static void awaitAll(List<CompletableFuture<Void>> pending) throws KonetException {
    try {
      CompletableFuture.allOf(pending.toArray(new CompletableFuture<?>[0])).join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof KonetException konet) {
        throw konet;
      }
      throw new KonetException("Pushing failed: " + e.getCause(), e.getCause());
    }
  }

  private static <T> T await(Future<T> future, List<? extends Future<?>> all, Platform platform)
      throws KonetException, InterruptedException {
    try {
      return future.get();
    } catch (ExecutionException e) {
      all.forEach(other -> other.cancel(true));
      Throwable cause = e.getCause();
      String reason = cause instanceof KonetException ? cause.getMessage() : String.valueOf(cause);
      throw new KonetException(platform + ": " + reason, cause);
    } catch (InterruptedException e) {
      all.forEach(other -> other.cancel(true));
      throw e;
    }
  }

  private static ExecutorService pool(int threads, String name) {
    AtomicInteger counter = new AtomicInteger();
    return Executors.newFixedThreadPool(
        Math.max(1, threads),
        runnable -> {
          Thread thread = new Thread(runnable, name + "-" + counter.incrementAndGet());
          thread.setDaemon(true);
          return thread;
        });
  }
}
