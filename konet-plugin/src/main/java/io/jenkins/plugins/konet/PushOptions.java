package io.jenkins.plugins.konet;

import hudson.AbortException;
import hudson.EnvVars;
import hudson.Util;
import io.konet.core.KonetException;
import io.konet.core.image.BaseImageChooser;
import io.konet.core.image.ImageSettings;
import io.konet.core.registry.ImageName;
import io.konet.core.registry.ImageTags;
import io.konet.core.registry.RegistrySettings;
import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code konetBuild}, {@code konetPush} and the freestyle builder share about pushing:
 * tags, registry credentials (by id; the secrets themselves are looked up on the controller when
 * the push starts), base images, mirrors and image settings.
 */
final class PushOptions implements Serializable {

  private static final long serialVersionUID = 1L;

  String tag;
  List<String> tags = List.of();
  String credentialsId;
  List<String> baseImages = List.of();
  String baseCredentialsId;
  String mirror;
  List<String> insecureRegistries = List.of();
  List<String> labels = List.of();
  String user;
  boolean platformTags;

  /** A copy to change for one build without touching the configured step. */
  PushOptions copy() {
    PushOptions copy = new PushOptions();
    copy.tag = tag;
    copy.tags = tags;
    copy.credentialsId = credentialsId;
    copy.baseImages = baseImages;
    copy.baseCredentialsId = baseCredentialsId;
    copy.mirror = mirror;
    copy.insecureRegistries = insecureRegistries;
    copy.labels = labels;
    copy.user = user;
    copy.platformTags = platformTags;
    return copy;
  }

  /** The main tag first, then the others (whole references or bare tags); all parsed. */
  List<ImageName> imageNames() throws AbortException {
    if (Util.fixEmptyAndTrim(tag) == null) {
      throw new AbortException("No tag given; name the image, such as"
          + " tag: 'registry.example.com/shop/api:1.0'.");
    }
    try {
      return ImageTags.parse(tag, tags);
    } catch (KonetException e) {
      throw new AbortException(e.getMessage());
    }
  }

  /** The tag names to push, checked as a whole before anything is pushed. */
  static List<String> tagNames(
      List<ImageName> names, List<io.konet.core.platform.Platform> platforms,
      boolean platformTags) throws AbortException {
    try {
      return ImageTags.tagNames(names, platforms, platformTags);
    } catch (KonetException e) {
      throw new AbortException(e.getMessage());
    }
  }

  /**
   * The registries base images are read from: the mirror, the registries of chosen base images,
   * and mcr.microsoft.com; {@code baseCredentialsId} goes to these only.
   */
  java.util.Set<String> baseRegistries(RegistrySettings registries) throws AbortException {
    java.util.Set<String> hosts = new java.util.TreeSet<>(registries.mirrors().values());
    hosts.add(registries.mirrorFor("mcr.microsoft.com"));
    for (String base : ListValues.pairs(baseImages, "base image").values()) {
      ImageName name = parse(base);
      hosts.add(registries.mirrorFor(name.registry()));
    }
    return hosts;
  }

  /**
   * The image settings. Source and revision labels come from the SCM variables Jenkins sets
   * ({@code GIT_URL}, {@code GIT_COMMIT}) when the build has them.
   */
  ImageSettings toImageSettings(EnvVars environment, Instant created) throws AbortException {
    Map<String, String> bases;
    try {
      bases = BaseImageChooser.canonicalChoices(ListValues.pairs(baseImages, "base image"));
    } catch (KonetException e) {
      throw new AbortException(e.getMessage());
    }
    Map<String, String> labelMap =
        new LinkedHashMap<>(ListValues.pairs(ListValues.normalizeLines(labels), "label"));
    return ImageSettings.builder()
        .baseImages(bases)
        .labels(labelMap)
        .user(Util.fixEmptyAndTrim(user))
        .created(created)
        .source(environment == null ? null : Util.fixEmptyAndTrim(environment.get("GIT_URL")))
        .revision(
            environment == null ? null : Util.fixEmptyAndTrim(environment.get("GIT_COMMIT")))
        .build();
  }

  /**
   * Registry settings: insecure registries, and the mirror for mcr.microsoft.com (this step's,
   * else the global one), written {@code HOST[:PORT]} or {@code REGISTRY=HOST[:PORT]}.
   */
  RegistrySettings toRegistrySettings(KonetGlobalConfiguration global) throws AbortException {
    Map<String, String> mirrors = new LinkedHashMap<>();
    String chosen = Util.fixEmptyAndTrim(mirror);
    if (chosen == null && global != null) {
      chosen = Util.fixEmptyAndTrim(global.getMirror());
    }
    if (chosen != null) {
      try {
        Map.Entry<String, String> entry =
            chosen.contains("=") ? RegistrySettings.parseMirror(chosen)
                : Map.entry("mcr.microsoft.com", chosen);
        mirrors.put(entry.getKey(), entry.getValue());
      } catch (KonetException e) {
        throw new AbortException(e.getMessage());
      }
    }
    List<String> insecure = new ArrayList<>(insecureRegistries);
    if (global != null) {
      insecure.addAll(ListValues.normalize(List.of(Util.fixNull(global.getInsecureRegistries()))));
    }
    return new RegistrySettings(new HashSet<>(insecure), mirrors);
  }

  /** This step's credentials id, else the global default, else none. */
  String effectiveCredentialsId(KonetGlobalConfiguration global) {
    String id = Util.fixEmptyAndTrim(credentialsId);
    if (id == null && global != null) {
      id = Util.fixEmptyAndTrim(global.getCredentialsId());
    }
    return id;
  }

  static ImageName parse(String text) throws AbortException {
    try {
      return ImageName.parse(text);
    } catch (KonetException e) {
      throw new AbortException(e.getMessage());
    }
  }
}
