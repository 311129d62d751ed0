package io.jenkins.plugins.konet;

import hudson.AbortException;
import hudson.EnvVars;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.Node;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.konet.core.KonetException;
import io.konet.core.build.BuildRequest;
import io.konet.core.build.ImageBuild;
import io.konet.core.build.PublishPhase;
import io.konet.core.build.PublishedApp;
import io.konet.core.image.BaseImage;
import io.konet.core.image.BaseImageResolver;
import io.konet.core.image.ImageSettings;
import io.konet.core.platform.Platform;
import io.konet.core.publish.PublishPlan;
import io.konet.core.publish.PublishSettings;
import io.konet.core.push.PublishedSource;
import io.konet.core.push.PushPhase;
import io.konet.core.push.PushResult;
import io.konet.core.push.RegistryTarget;
import io.konet.core.registry.CredentialSource;
import io.konet.core.registry.ImageName;
import io.konet.core.registry.RegistrySession;
import io.konet.core.registry.RegistrySettings;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jenkins.model.Jenkins;

/**
 * The three things the steps do, on the controller: build and push from one node ({@code
 * konetBuild} and the freestyle builder), publish on a node and record it ({@code
 * konetPublish}), push everything recorded ({@code konetPush}). Engine failures become {@link
 * AbortException}s, whose one sentence ends the build log.
 */
final class KonetFlows {

  private static final int UPLOAD_PARALLELISM = 4;

  private KonetFlows() {}

  /** Publishes on the workspace's node, then pushes from the controller. */
  static PushResult buildAndPush(
      Run<?, ?> run,
      FilePath workspace,
      String nodeName,
      Launcher launcher,
      TaskListener listener,
      EnvVars environment,
      PublishOptions publish,
      PushOptions push)
      throws IOException, InterruptedException {
    KonetGlobalConfiguration global = KonetGlobalConfiguration.get();
    ListenerLog log = new ListenerLog(listener, publish.verbose);
    List<ImageName> tags = push.imageNames();
    JenkinsBuildNode node = new JenkinsBuildNode(nodeName, workspace, launcher, environment);
    BuildRequest request =
        new BuildRequest(
            publish.project,
            publish.platforms(global),
            publish.toSettings(launcher.isUnix(), layerCache(nodeName)),
            push.toImageSettings(environment, creationTime(environment)),
            tags,
            null,
            push.platformTags,
            UPLOAD_PARALLELISM);
    RegistrySettings registries = push.toRegistrySettings(global);
    CredentialSource credentials =
        JenkinsCredentials.forPush(run, tags.get(0).registry(),
            push.effectiveCredentialsId(global), push.baseCredentialsId,
            push.baseRegistries(registries));
    try (RegistrySession session = new RegistrySession(registries, credentials, log)) {
      PushResult result = new ImageBuild(node, session, log).run(request);
      KonetImageAction.record(run, result);
      return result;
    } catch (KonetException e) {
      throw new AbortException(e.getMessage());
    }
  }

  /** Publishes and packs on the workspace's node; the layers stay there until the push. */
  static PublishedApp publish(
      Run<?, ?> run,
      FilePath workspace,
      String nodeName,
      Launcher launcher,
      TaskListener listener,
      EnvVars environment,
      PublishOptions publish)
      throws IOException, InterruptedException {
    ListenerLog log = new ListenerLog(listener, publish.verbose);
    JenkinsBuildNode node = new JenkinsBuildNode(nodeName, workspace, launcher, environment);
    PublishSettings settings = publish.toSettings(launcher.isUnix(), layerCache(nodeName));
    try {
      PublishPhase phase = new PublishPhase(node, log);
      PublishPlan plan =
          phase.prepare(publish.project, publish.platforms(KonetGlobalConfiguration.get()),
              settings);
      PublishedApp app = phase.publish(plan, settings, creationTime(environment).getEpochSecond());
      PublishedImagesAction.of(run).add(new PublishedImagesAction.Publication(nodeName, app));
      log.info("recorded " + app.runtimes().size() + " published runtime(s) on " + node.name()
          + " for konetPush");
      return app;
    } catch (KonetException e) {
      throw new AbortException(e.getMessage());
    }
  }

  /** Pushes every publication recorded in this build under one index, then removes the layers. */
  static PushResult pushRecorded(
      Run<?, ?> run, TaskListener listener, EnvVars environment, PushOptions push,
      boolean verbose)
      throws IOException, InterruptedException {
    KonetGlobalConfiguration global = KonetGlobalConfiguration.get();
    ListenerLog log = new ListenerLog(listener, verbose);
    PublishedImagesAction recorded = PublishedImagesAction.of(run);
    List<PublishedImagesAction.Publication> publications = recorded.recorded();
    if (publications.isEmpty()) {
      throw new AbortException(
          "Nothing to push: run konetPublish in this build first (inside node blocks).");
    }
    List<ImageName> tags = push.imageNames();
    List<Platform> platforms = new ArrayList<>();
    publications.forEach(publication -> publication.app.runtimes()
        .forEach(runtime -> platforms.addAll(runtime.platforms())));
    List<String> tagNames = PushOptions.tagNames(tags, platforms, push.platformTags);
    ImageSettings image = push.toImageSettings(environment, creationTime(environment));
    RegistrySettings registries = push.toRegistrySettings(global);
    CredentialSource credentials =
        JenkinsCredentials.forPush(run, tags.get(0).registry(),
            push.effectiveCredentialsId(global), push.baseCredentialsId,
            push.baseRegistries(registries));
    List<PublishedSource> sources = new ArrayList<>();
    for (PublishedImagesAction.Publication publication : publications) {
      sources.add(new PublishedSource(publication.app, new NodeLayers(publication.nodeName)));
    }
    try (RegistrySession session = new RegistrySession(registries, credentials, log)) {
      PushPhase phase =
          new PushPhase(session, new BaseImageResolver(session, log), log, UPLOAD_PARALLELISM);
      List<PushPhase.PlatformJob> jobs = PushPhase.plan(sources, image);
      Map<Platform, BaseImage> bases = phase.resolveBases(jobs);
      RegistryTarget target = new RegistryTarget(session, tags.get(0));
      target.verifyAccess();
      PushResult result = phase.push(jobs, bases, image, target, tagNames, push.platformTags);
      KonetImageAction.record(run, result);
      removeLayers(publications, listener);
      recorded.forget(publications);
      return result;
    } catch (KonetException e) {
      throw new AbortException(e.getMessage());
    }
  }

  /** Deletes published layers from their nodes; a node that is gone is reported, not fatal. */
  static void removeLayers(
      List<PublishedImagesAction.Publication> publications, TaskListener listener)
      throws InterruptedException {
    for (PublishedImagesAction.Publication publication : publications) {
      try {
        new NodeLayers(publication.nodeName).delete(publication.app.scratchDirectory());
      } catch (IOException e) {
        listener.getLogger().println("[konet] could not remove "
            + publication.app.scratchDirectory() + ": " + e.getMessage());
      }
    }
  }

  /**
   * The node's layer cache, {@code caches/konet-layers} under the node's root (where Jenkins keeps
   * other caches), or null when the node's root is unknown.
   */
  static String layerCache(String nodeName) {
    // TODO: no step or global option turns the agents' layer cache off or sizes it; it keeps
    // the engine's 2 GiB default.
    Jenkins jenkins = Jenkins.getInstanceOrNull();
    Node node = jenkins == null ? null : nodeName.isEmpty() ? jenkins : jenkins.getNode(nodeName);
    FilePath root = node == null ? null : node.getRootPath();
    return root == null ? null : root.child("caches").child("konet-layers").getRemote();
  }

  /** {@code SOURCE_DATE_EPOCH} from the build environment, else the Unix epoch. */
  static Instant creationTime(EnvVars environment) throws AbortException {
    String epoch = environment == null ? null : environment.get("SOURCE_DATE_EPOCH");
    if (epoch == null || epoch.isBlank()) {
      return Instant.EPOCH;
    }
    try {
      return Instant.ofEpochSecond(Long.parseLong(epoch.strip()));
    } catch (NumberFormatException e) {
      throw new AbortException(
          "SOURCE_DATE_EPOCH must be seconds since 1970, not '" + epoch + "'.");
    }
  }
}
