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
import io.konet.core.registry.ImageName;
import io.konet.core.registry.RegistrySession;
import java.io.IOException;
import java.util.List;
import java.util.Map;

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
            : tagNames(request.tags());
    if (request.platformTags()) {
      checkPlatformTags(tagNames, request.platforms());
    }
    PublishPhase publishing = new PublishPhase(node, log);
    PublishPlan plan = publishing.prepare(request.project(), request.platforms(), request.publish());
    BaseImageResolver resolver = new BaseImageResolver(session, log);
    PushPhase pushing = new PushPhase(session, resolver, log, request.uploadParallelism());
    for (Platform platform : request.platforms()) {
      resolver.resolve(
          PushPhase.baseName(platform, plan, request.publish(), request.image()), platform);
    }
    try (ImageTarget target = openTarget(request)) {
      PublishedApp app =
          publishing.publish(plan, request.publish(), request.image().created().getEpochSecond());
      try {
        List<PushPhase.PlatformJob> jobs =
            PushPhase.plan(List.of(new PublishedSource(app, node)), request.image());
        Map<Platform, BaseImage> bases = pushing.resolveBases(jobs);
        return pushing.push(jobs, bases, request.image(), target, tagNames,
            request.platformTags());
      } finally {
        node.deleteScratchDirectory(app.scratchDirectory());
      }
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

  private static void checkPlatformTags(List<String> tags, List<Platform> platforms)
      throws KonetException {
    for (String tag : tags) {
      for (Platform platform : platforms) {
        String suffixed = tag + "-" + platform.tagSuffix();
        if (!com.google.cloud.tools.jib.api.ImageReference.isValidTag(suffixed)) {
          throw new KonetException(
              "The per-platform tag '" + suffixed + "' is not a valid tag (at most 128"
                  + " characters); shorten the tag or leave out per-platform tags.");
        }
      }
    }
  }

  /** The tags of the index; all must name one repository, since the images are pushed once. */
  static List<String> tagNames(List<ImageName> tags) throws KonetException {
    if (tags.isEmpty()) {
      throw new KonetException("No tag given; name the image with --tag REGISTRY/REPOSITORY:TAG.");
    }
    ImageName main = tags.get(0);
    for (ImageName tag : tags) {
      if (!tag.repositoryName().equals(main.repositoryName())) {
        throw new KonetException(
            "All tags must name the repository of the first (" + main.repositoryName()
                + "); " + tag + " does not.");
      }
      if (tag.tag() == null) {
        throw new KonetException("Tag " + tag + " names a digest; give a tag instead.");
      }
    }
    return tags.stream().map(ImageName::tag).distinct().toList();
  }
}
