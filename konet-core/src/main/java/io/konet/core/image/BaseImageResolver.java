package io.konet.core.image;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.konet.core.KonetException;
import io.konet.core.UserText;
import io.konet.core.build.BuildLog;
import io.konet.core.platform.Platform;
import io.konet.core.registry.ImageName;
import io.konet.core.registry.MediaTypeNames;
import io.konet.core.registry.RawManifest;
import io.konet.core.registry.RegistrySession;
import io.konet.core.registry.RepositoryAccess;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds the base image of a platform in the registry without pulling it: reads the index, picks
 * the entry by os, architecture, variant and Windows os.version (skipping attestations), then
 * reads that manifest and its config.
 */
public final class BaseImageResolver {

  private static final int CONFIG_SIZE_LIMIT = 8 * 1024 * 1024;
  private static final String REFERENCE_TYPE = "vnd.docker.reference.type";
  private static final java.util.regex.Pattern DIGEST =
      java.util.regex.Pattern.compile("sha256:[0-9a-f]{64}");

  private final RegistrySession session;
  private final BuildLog log;
  private final Map<String, RawManifest> topLevelByName = new ConcurrentHashMap<>();
  private final Map<String, BaseImage> resolved = new ConcurrentHashMap<>();

  public BaseImageResolver(RegistrySession session, BuildLog log) {
    this.session = session;
    this.log = log;
  }

  /** Resolves {@code name} (an official reference) for {@code platform}, once per build. */
  public BaseImage resolve(ImageName name, Platform platform) throws KonetException {
    String key = name + " " + platform;
    BaseImage known = resolved.get(key);
    if (known != null) {
      return known;
    }
    BaseImage base = fetch(name, platform);
    resolved.put(key, base);
    return base;
  }

  private BaseImage fetch(ImageName name, Platform platform) throws KonetException {
    ImageName source = name.onRegistry(session.settings().mirrorFor(name.registry()));
    RepositoryAccess access = session.forPull(source.registry(), source.repository());
    RawManifest top = topLevel(name, source, access);
    ObjectNode topJson = Json.parseObject(top.bytes(), "The manifest of " + name);
    RawManifest manifest;
    ObjectNode platformNode;
    if (MediaTypeNames.isIndex(top.mediaType())) {
      JsonNode entry = select(name, topJson, platform);
      String digest = entry.path("digest").asText();
      if (!DIGEST.matcher(digest).matches()) {
        throw new KonetException(
            "Base image " + name + " lists '" + UserText.shown(digest) + "' for " + platform
                + ", which is not a sha256 digest.");
      }
      manifest =
          access
              .manifest(digest)
              .orElseThrow(
                  () ->
                      new KonetException(
                          "Base image " + name + " lists " + digest + " for " + platform
                              + ", but the registry does not have it."));
      platformNode = ((ObjectNode) entry.path("platform")).deepCopy();
    } else if (MediaTypeNames.isManifest(top.mediaType())) {
      manifest = top;
      platformNode = null;
    } else {
      throw new KonetException(
          "Base image " + name + " is a " + UserText.shown(top.mediaType())
              + ", not an image or image index.");
    }
    ObjectNode manifestJson = Json.parseObject(manifest.bytes(), "The manifest of " + name);
    String configDigest = manifestJson.path("config").path("digest").asText("");
    if (configDigest.isEmpty()) {
      throw new KonetException("The manifest of base image " + name + " names no config.");
    }
    ObjectNode config =
        Json.parseObject(
            access.pullSmallBlob(configDigest, CONFIG_SIZE_LIMIT), "The config of " + name);
    if (platformNode == null) {
      platformNode = platformFromConfig(config);
      if (!matches(platformNode, platform)) {
        throw new KonetException(
            "Base image " + name + " is for " + describe(platformNode) + ", not " + platform
                + ".");
      }
    }
    if (platform.isWindows() && !platformNode.hasNonNull("os.version")) {
      String osVersion = config.path("os.version").asText("");
      if (osVersion.isEmpty()) {
        throw new KonetException(
            "Base image " + name + " gives no os.version for " + platform
                + "; Windows hosts cannot match such an image.");
      }
      platformNode.put("os.version", osVersion);
    }
    log.detail("base for " + platform + ": " + name + "@" + manifest.digest());
    return new BaseImage(
        name, source, manifest.digest(), manifest.mediaType(), manifestJson, configDigest, config,
        platformNode);
  }

  private RawManifest topLevel(ImageName name, ImageName source, RepositoryAccess access)
      throws KonetException {
    RawManifest cached = topLevelByName.get(name.toString());
    if (cached != null) {
      return cached;
    }
    RawManifest fetched =
        access
            .manifest(name.reference())
            .orElseThrow(
                () ->
                    new KonetException(
                        "Base image " + name + " was not found"
                            + (source.equals(name) ? "" : " at " + source.registry()) + "."));
    topLevelByName.put(name.toString(), fetched);
    return fetched;
  }

  private static JsonNode select(ImageName name, ObjectNode index, Platform platform)
      throws KonetException {
    List<String> offered = new ArrayList<>();
    JsonNode fallback = null;
    for (JsonNode entry : index.path("manifests")) {
      JsonNode platformNode = entry.path("platform");
      if (isAttestation(entry) || !platformNode.isObject()
          || !MediaTypeNames.isManifest(entry.path("mediaType").asText(""))) {
        continue;
      }
      offered.add(describe(platformNode));
      if (!matches(platformNode, platform)) {
        continue;
      }
      String variant = platformNode.path("variant").asText("");
      if (platform.variant() == null ? variant.isEmpty() || variant.equals("v8")
          : variant.equals(platform.variant())) {
        return entry;
      }
      if (fallback == null) {
        fallback = entry;
      }
    }
    if (fallback != null) {
      return fallback;
    }
    throw new KonetException(
        "Base image " + name + " has no image for " + platform + "; it offers "
            + (offered.isEmpty() ? "none" : UserText.shown(String.join(", ", offered), 400))
            + ".");
  }

  private static boolean isAttestation(JsonNode entry) {
    return entry.path("annotations").path(REFERENCE_TYPE).asText("").contains("attestation")
        || entry.path("platform").path("os").asText("").equals("unknown");
  }

  static boolean matches(JsonNode platformNode, Platform platform) {
    if (!platformNode.path("os").asText("").equals(platform.os())
        || !platformNode.path("architecture").asText("").equals(platform.architecture())) {
      return false;
    }
    String variant = platformNode.path("variant").asText("");
    if (platform.variant() != null && !variant.isEmpty() && !variant.equals(platform.variant())) {
      return false;
    }
    if (platform.isWindows() && platform.osVersion() != null) {
      String osVersion = platformNode.path("os.version").asText("");
      if (osVersion.isEmpty()) {
        return false;
      }
      return platform
          .windowsRelease()
          .map(release -> release.matchesOsVersion(osVersion))
          .orElse(osVersion.equals(platform.osVersion())
              || osVersion.startsWith(platform.osVersion() + "."));
    }
    return true;
  }

  private static ObjectNode platformFromConfig(ObjectNode config) {
    ObjectNode platform = Json.object();
    platform.put("architecture", config.path("architecture").asText(""));
    platform.put("os", config.path("os").asText(""));
    if (config.hasNonNull("os.version")) {
      platform.put("os.version", config.path("os.version").asText());
    }
    if (config.hasNonNull("variant")) {
      platform.put("variant", config.path("variant").asText());
    }
    return platform;
  }

  static String describe(JsonNode platformNode) {
    StringBuilder text =
        new StringBuilder(platformNode.path("os").asText("?"))
            .append('/')
            .append(platformNode.path("architecture").asText("?"));
    if (platformNode.hasNonNull("variant")) {
      text.append('/').append(platformNode.path("variant").asText());
    }
    if (platformNode.hasNonNull("os.version")) {
      text.append(':').append(platformNode.path("os.version").asText());
    }
    return text.toString();
  }
}
