package io.konet.core.platform;

import io.konet.core.UserText;
import io.konet.core.KonetException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads platforms written as {@code os/arch[/variant][:osversion]}. */
public final class PlatformParser {

  /** The platforms built when the user names none. */
  public static final List<Platform> DEFAULT_PLATFORMS =
      List.of(new Platform("linux", "amd64", null, null), new Platform("linux", "arm64", null, null));

  static final String SUPPORTED =
      "linux/amd64, linux/arm64, linux/arm/v7, windows/amd64:ltsc2022, windows/amd64:1809,"
          + " windows/amd64:ltsc2025, windows/amd64:10.0.<build>";

  private static final Pattern SYNTAX =
      Pattern.compile("([a-z0-9]+)/([a-z0-9]+)(?:/([a-z0-9]+))?(?::([A-Za-z0-9.]+))?");
  private static final Pattern WINDOWS_BUILD = Pattern.compile("10\\.0\\.\\d{5}(\\.\\d+)?");


  private PlatformParser() {}

  /** Parses a comma-separated list; blanks are ignored and duplicates collapse. */
  public static List<Platform> parseList(String commaSeparated) throws KonetException {
    List<String> items = new ArrayList<>();
    for (String item : commaSeparated.split(",", -1)) {
      items.add(item);
    }
    return parseAll(items);
  }

  /** Parses every item, each of which may itself be a comma-separated list. */
  public static List<Platform> parseAll(List<String> items) throws KonetException {
    LinkedHashSet<Platform> platforms = new LinkedHashSet<>();
    for (String item : items) {
      if (item == null) {
        continue;
      }
      for (String part : item.split(",", -1)) {
        if (!part.isBlank()) {
          platforms.add(parse(part));
        }
      }
    }
    if (platforms.isEmpty()) {
      return DEFAULT_PLATFORMS;
    }
    return List.copyOf(platforms);
  }

  /** Parses one platform. */
  public static Platform parse(String text) throws KonetException {
    String trimmed = text == null ? "" : text.strip();
    Matcher matcher = SYNTAX.matcher(trimmed.toLowerCase(Locale.ROOT));
    if (!matcher.matches()) {
      throw unknown(trimmed);
    }
    String os = matcher.group(1);
    String architecture = matcher.group(2);
    String variant = matcher.group(3);
    String osVersion = matcher.group(4);
    if (os.equals("linux")) {
      return linux(trimmed, architecture, variant, osVersion);
    }
    if (os.equals("windows")) {
      return windows(trimmed, architecture, variant, osVersion);
    }
    throw unknown(trimmed);
  }

  private static Platform linux(String text, String architecture, String variant, String osVersion)
      throws KonetException {
    if (osVersion != null) {
      throw new KonetException(
          "Platform '" + UserText.shown(text) + "' has an os version, which only Windows platforms take.");
    }
    switch (architecture) {
      case "amd64":
        if (variant == null) {
          return new Platform("linux", "amd64", null, null);
        }
        break;
      case "arm64":
        if (variant == null || variant.equals("v8")) {
          return new Platform("linux", "arm64", null, null);
        }
        break;
      case "arm":
        if (variant == null || variant.equals("v7")) {
          return new Platform("linux", "arm", "v7", null);
        }
        break;
      default:
        break;
    }
    throw unknown(text);
  }

  private static Platform windows(
      String text, String architecture, String variant, String osVersion) throws KonetException {
    if (!architecture.equals("amd64") || variant != null) {
      throw unknown(text);
    }
    if (osVersion == null) {
      return new Platform("windows", "amd64", null, WindowsRelease.LTSC2022.tagName());
    }
    if (WINDOWS_BUILD.matcher(osVersion).matches()) {
      return new Platform("windows", "amd64", null, osVersion);
    }
    // By release name only: WindowsRelease.find also takes any text after a build prefix
    // (10.0.20348.x), which is right for an image's os.version, not for what a user typed.
    for (WindowsRelease release : WindowsRelease.values()) {
      if (release.tagName().equals(osVersion)) {
        return new Platform("windows", "amd64", null, release.tagName());
      }
    }
    throw unknown(text);
  }

  private static KonetException unknown(String text) {
    return new KonetException(
        "Unknown platform '" + UserText.shown(text) + "'; supported: " + SUPPORTED + ".");
  }

}
