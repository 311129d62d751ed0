package io.jenkins.plugins.konet;

import hudson.EnvVars;
import hudson.model.EnvironmentContributingAction;
import hudson.model.Run;
import io.konet.core.push.PushResult;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import jenkins.model.RunAction2;

/**
 * The images a build pushed, shown on the build's page; the last one is also offered to later
 * steps as {@code KONET_IMAGE_DIGEST} and {@code KONET_IMAGE} (repository@digest).
 *
 * <p>Holds plain classes only, since it is saved with the build.
 */
public class KonetImageAction implements RunAction2, EnvironmentContributingAction {

  private final List<PushedImage> images = new ArrayList<>();
  private transient Run<?, ?> run;

  /** One pushed index. */
  public static final class PushedImage {
    private final String repository;
    private final List<String> tags;
    private final String digest;
    private final String mediaType;
    private final List<PlatformImage> platforms;

    PushedImage(PushResult result) {
      this.repository = result.repository();
      this.tags = new ArrayList<>(result.tags());
      this.digest = result.indexDigest();
      this.mediaType = result.indexMediaType();
      this.platforms = new ArrayList<>();
      for (PushResult.PlatformResult platform : result.platforms()) {
        platforms.add(new PlatformImage(platform.platform(), platform.digest(), platform.tag()));
      }
    }

    public String getRepository() {
      return repository;
    }

    public List<String> getTags() {
      return Collections.unmodifiableList(tags);
    }

    public String getDigest() {
      return digest;
    }

    public String getMediaType() {
      return mediaType;
    }

    /** {@code repository@digest}, what a deployment should pin. */
    public String getReference() {
      return repository + "@" + digest;
    }

    public List<PlatformImage> getPlatforms() {
      return Collections.unmodifiableList(platforms);
    }
  }

  /** One platform's image in an index. */
  public static final class PlatformImage {
    private final String platform;
    private final String digest;
    private final String tag;

    PlatformImage(String platform, String digest, String tag) {
      this.platform = platform;
      this.digest = digest;
      this.tag = tag;
    }

    public String getPlatform() {
      return platform;
    }

    public String getDigest() {
      return digest;
    }

    /** The per-platform tag, or null when none was pushed. */
    public String getTag() {
      return tag;
    }
  }

  /** Adds a push to the build's action, creating the action on the first push. */
  static synchronized void record(Run<?, ?> run, PushResult result) {
    KonetImageAction action = run.getAction(KonetImageAction.class);
    if (action == null) {
      action = new KonetImageAction();
      run.addAction(action);
    }
    synchronized (action.images) {
      action.images.add(new PushedImage(result));
    }
  }

  public List<PushedImage> getImages() {
    synchronized (images) {
      return List.copyOf(images);
    }
  }

  @Override
  public void buildEnvironment(Run<?, ?> build, EnvVars environment) {
    List<PushedImage> pushed = getImages();
    if (!pushed.isEmpty()) {
      PushedImage last = pushed.get(pushed.size() - 1);
      environment.put("KONET_IMAGE_DIGEST", last.getDigest());
      environment.put("KONET_IMAGE", last.getReference());
    }
  }

  @Override
  public void onAttached(Run<?, ?> attachedTo) {
    this.run = attachedTo;
  }

  @Override
  public void onLoad(Run<?, ?> loadedFrom) {
    this.run = loadedFrom;
  }

  public Run<?, ?> getRun() {
    return run;
  }

  /** Shown on the build page through summary.jelly, not in the side panel. */
  @Override
  public String getIconFileName() {
    return null;
  }

  @Override
  public String getDisplayName() {
    return "Container images";
  }

  @Override
  public String getUrlName() {
    return null;
  }
}
