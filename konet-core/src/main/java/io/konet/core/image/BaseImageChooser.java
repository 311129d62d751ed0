package io.konet.core.image;

import io.konet.core.KonetException;
import io.konet.core.platform.BaseFamily;
import io.konet.core.platform.Platform;
import io.konet.core.platform.WindowsRelease;
import io.konet.core.project.ProjectInfo;
import io.konet.core.publish.PublishMode;
import java.util.Map;

/**
 * Picks the official .NET base image for a platform: {@code runtime-deps} for self-contained and
 * native apps, {@code runtime} or {@code aspnet} for framework-dependent ones, Nano Server for
 * self-contained Windows apps; the user may name others per operating system or per platform.
 */
public final class BaseImageChooser {

  static final String MCR = "mcr.microsoft.com";

  private BaseImageChooser() {}

  /**
   * @param overrides base images the user chose, keyed by os ({@code linux}, {@code windows}) or
   *     by a whole platform ({@code linux/arm64}); the most specific key wins
   */
  public static String choose(
      Platform platform,
      PublishMode mode,
      ProjectInfo project,
      BaseFamily family,
      Map<String, String> overrides)
      throws KonetException {
    String chosen = overrides.get(platform.toString());
    if (chosen == null) {
      chosen = overrides.get(platform.os());
    }
    if (chosen != null) {
      return chosen;
    }
    return platform.isWindows()
        ? windowsDefault(platform, mode, project)
        : linuxDefault(mode, project, family);
  }

  /**
   * Checks base image choices as a user wrote them and keys them the way {@link #choose} looks
   * them up: {@code linux}, {@code windows}, or a platform in canonical form ({@code
   * linux/arm64/v8} as {@code linux/arm64}); every value must be an image reference.
   */
  public static Map<String, String> canonicalChoices(Map<String, String> written)
      throws KonetException {
    Map<String, String> choices = new java.util.LinkedHashMap<>();
    for (Map.Entry<String, String> choice : written.entrySet()) {
      String key = choice.getKey().strip().toLowerCase(java.util.Locale.ROOT);
      if (!key.equals("linux") && !key.equals("windows")) {
        key = io.konet.core.platform.PlatformParser.parse(choice.getKey()).toString();
      }
      io.konet.core.registry.ImageName.parse(choice.getValue());
      choices.put(key, choice.getValue().strip());
    }
    return choices;
  }

  private static String linuxDefault(PublishMode mode, ProjectInfo project, BaseFamily family)
      throws KonetException {
    int major = project.dotnetMajorVersion();
    String repository = repositoryFor(mode, project);
    String tag = major + ".0";
    switch (family) {
      case ALPINE:
        tag += "-alpine";
        break;
      case CHISELED:
        if (major < 8) {
          throw new KonetException(
              "Chiseled base images exist from .NET 8 on; this project targets .NET " + major
                  + ".");
        }
        tag += (major == 8 ? "-jammy-chiseled" : "-noble-chiseled")
            + (project.invariantGlobalization() ? "" : "-extra");
        break;
      default:
        break;
    }
    return MCR + "/dotnet/" + repository + ":" + tag;
  }

  private static String windowsDefault(Platform platform, PublishMode mode, ProjectInfo project)
      throws KonetException {
    if (mode == PublishMode.FRAMEWORK_DEPENDENT) {
      // The multi-platform .NET tags carry Nano Server entries; the os.version picks one.
      return MCR + "/dotnet/" + repositoryFor(mode, project) + ":"
          + project.dotnetMajorVersion() + ".0";
    }
    WindowsRelease release =
        platform
            .windowsRelease()
            .orElseThrow(
                () ->
                    new KonetException(
                        "There is no default base image for Windows " + platform.osVersion()
                            + "; name one with --base-image windows=REFERENCE."));
    return MCR + "/windows/nanoserver:" + release.tagName();
  }

  private static String repositoryFor(PublishMode mode, ProjectInfo project) {
    if (mode != PublishMode.FRAMEWORK_DEPENDENT) {
      return "runtime-deps";
    }
    return project.web() ? "aspnet" : "runtime";
  }
}
