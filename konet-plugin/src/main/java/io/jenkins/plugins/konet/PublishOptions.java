package io.jenkins.plugins.konet;

import hudson.AbortException;
import hudson.Util;
import io.konet.core.KonetException;
import io.konet.core.platform.BaseFamily;
import io.konet.core.platform.Platform;
import io.konet.core.platform.PlatformParser;
import io.konet.core.publish.PublishMode;
import io.konet.core.publish.PublishSettings;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What {@code konetBuild}, {@code konetPublish} and the freestyle builder share about publishing:
 * the project, the platforms and the {@code dotnet publish} options. Values stay as the user
 * wrote them; {@link #toSettings} checks them.
 */
final class PublishOptions implements Serializable {

  private static final long serialVersionUID = 1L;

  String project = "";
  List<String> platforms = List.of();
  String framework;
  String configuration = "Release";
  String mode;
  boolean singleFile;
  boolean readyToRun;
  boolean trim = true;
  boolean singleLayer;
  List<String> properties = List.of();
  String baseFamily;
  String dotnet;
  boolean verbose;

  /** A copy to change for one build without touching the configured step. */
  PublishOptions copy() {
    PublishOptions copy = new PublishOptions();
    copy.project = project;
    copy.platforms = platforms;
    copy.framework = framework;
    copy.configuration = configuration;
    copy.mode = mode;
    copy.singleFile = singleFile;
    copy.readyToRun = readyToRun;
    copy.trim = trim;
    copy.singleLayer = singleLayer;
    copy.properties = properties;
    copy.baseFamily = baseFamily;
    copy.dotnet = dotnet;
    copy.verbose = verbose;
    return copy;
  }

  /** The platforms to build: the user's, else the global default, else linux/amd64 and arm64. */
  List<Platform> platforms(KonetGlobalConfiguration global) throws AbortException {
    List<String> chosen = new ArrayList<>(platforms);
    if (chosen.isEmpty() && global != null) {
      chosen.addAll(ListValues.normalize(List.of(Util.fixNull(global.getDefaultPlatforms()))));
    }
    try {
      return PlatformParser.parseAll(chosen);
    } catch (KonetException e) {
      throw new AbortException(e.getMessage());
    }
  }

  /**
   * @param layerCache the node's layer cache directory, or null for none
   */
  PublishSettings toSettings(boolean nodeIsUnix, String layerCache) throws AbortException {
    try {
      return PublishSettings.builder()
          .configuration(Util.fixEmptyAndTrim(configuration) == null ? "Release"
              : configuration.strip())
          .framework(Util.fixEmptyAndTrim(framework))
          .mode(parseMode(mode))
          .trimmed(trim ? null : Boolean.FALSE)
          .singleFile(singleFile)
          .readyToRun(readyToRun)
          .properties(ListValues.pairs(ListValues.normalizeLines(properties), "MSBuild property"))
          .family(baseFamily == null || baseFamily.isBlank() ? BaseFamily.DEBIAN
              : BaseFamily.parse(baseFamily))
          .dotnet(Util.fixEmptyAndTrim(dotnet) != null ? dotnet.strip()
              : nodeIsUnix ? "dotnet" : "dotnet.exe")
          .splitLayers(!singleLayer)
          .layerCache(layerCache)
          .build();
    } catch (KonetException e) {
      throw new AbortException(e.getMessage());
    }
  }

  /** {@code self-contained}, {@code framework-dependent}, {@code aot}, or blank to follow the project. */
  static PublishMode parseMode(String text) throws AbortException {
    if (text == null || text.isBlank()) {
      return null;
    }
    switch (text.strip().toLowerCase(Locale.ROOT)) {
      case "self-contained":
        return PublishMode.SELF_CONTAINED;
      case "framework-dependent":
        return PublishMode.FRAMEWORK_DEPENDENT;
      case "aot":
        return PublishMode.NATIVE_AOT;
      default:
        throw new AbortException(
            "Unknown publish mode '" + text + "'; use self-contained, framework-dependent or aot.");
    }
  }
}
