package io.konet.core.build;

import io.konet.core.KonetException;
import io.konet.core.image.BaseImage;
import io.konet.core.image.BaseImageResolver;
import io.konet.core.platform.Platform;
import io.konet.core.publish.PublishPlan;
import io.konet.core.push.ImageTarget;
import io.konet.core.push.OciLayoutTarget;
import io.konet.core.push.PublishedSource;
import io.konet.core.push.PushPhase;
import io.konet.core.push.PushResult;
import io.konet.core.push.RegistryTarget;
import io.konet.core.registry.ImageTags;
import io.konet.core.registry.RegistrySession;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * One build from project to pushed index, on one node: checks everything that can fail cheaply
 * first (tags, project, base images, registry login), then publishes, pushes and cleans up.
 */
public final class ImageBuild {

  private final BuildNode node;
  private final RegistrySession session;
  private final BuildLog log;

  public ImageBuild(BuildNode node, RegistrySession session, BuildLog log) {
    this.node = node;
    this.session = session;
    this.log = log;
  }

  public PushResult run(BuildRequest request)
      throws KonetException, IOException, InterruptedException {
    List<String> tagNames =
        request.ociLayout() != null && request.tags().isEmpty()
            ? List.of("latest")
            : ImageTags.tagNames(request.tags(), request.platforms(), request.platformTags());
    PublishPhase publishing = new PublishPhase(node, log);
    PublishPlan plan = publishing.prepare(request.project(), request.platforms(), request.publish());
    BaseImageResolver resolver = new BaseImageResolver(session, log);
    PushPhase pushing = new PushPhase(session, resolver, log, request.uploadParallelism());
    // Base images and the registry login are checked while dotnet restores: the checks cost
    // round trips (and, in a fresh JVM, TLS start-up), the restore costs NuGet's time.
    CompletableFuture<ImageTarget> checks =
        CompletableFuture.supplyAsync(
            () -> checkRegistries(request, plan, resolver),
            runnable -> {
              Thread thread = new Thread(runnable, "konet-registry-checks");
              thread.setDaemon(true);
              thread.start();
            });
    ImageTarget target = null;
    try {
      PublishedApp app =
          publishing.publish(plan, request.publish(), request.image().created().getEpochSecond(),
              () -> awaitChecks(checks));
      try {
        target = checks.join();
        List<PushPhase.PlatformJob> jobs =
            PushPhase.plan(List.of(new PublishedSource(app, node)), request.image());
        Map<Platform, BaseImage> bases = pushing.resolveBases(jobs);
        return pushing.push(jobs, bases, request.image(), target, tagNames,
            request.platformTags());
      } finally {
        node.deleteScratchDirectory(app.scratchDirectory());
      }
    } finally {
      if (target == null) {
        target = checks.handle((done, failure) -> done).join();
      }
      if (target != null) {
        target.close();
      }
    }
  }

  /** Resolves every platform's base image and opens the target, logging in to a registry. */
  private ImageTarget checkRegistries(
      BuildRequest request, PublishPlan plan, BaseImageResolver resolver) {
    try {
      for (Platform platform : request.platforms()) {
        resolver.resolve(
            PushPhase.baseName(platform, plan, request.publish(), request.image()), platform);
      }
      return openTarget(request);
    } catch (KonetException e) {
      throw new CompletionException(e);
    }
  }

  private static void awaitChecks(CompletableFuture<ImageTarget> checks)
      throws KonetException, InterruptedException {
    try {
      checks.get();
    } catch (ExecutionException e) {
      Throwable cause = e.getCause() instanceof CompletionException wrapped
          ? wrapped.getCause() : e.getCause();
      if (cause instanceof KonetException konet) {
        throw konet;
      }
      throw new KonetException("Checking the registries failed: " + cause, cause);
    }
  }

  private ImageTarget openTarget(BuildRequest request) throws KonetException {
    if (request.ociLayout() != null) {
      return OciLayoutTarget.create(request.ociLayout());
    }
    RegistryTarget target = new RegistryTarget(session, request.tags().get(0));
    target.verifyAccess();
    return target;
  }
}
