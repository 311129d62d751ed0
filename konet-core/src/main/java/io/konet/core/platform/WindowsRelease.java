package io.konet.core.platform;

import java.util.Arrays;
import java.util.Optional;

/** The Windows Server releases that .NET base images are published for. */
public enum WindowsRelease {
  LTSC2025("ltsc2025", "10.0.26100"),
  LTSC2022("ltsc2022", "10.0.20348"),
  V1809("1809", "10.0.17763");

  private final String tagName;
  private final String buildPrefix;

  WindowsRelease(String tagName, String buildPrefix) {
    this.tagName = tagName;
    this.buildPrefix = buildPrefix;
  }

  /** The name used in image tags, such as {@code ltsc2022}. */
  public String tagName() {
    return tagName;
  }

  /** The first three parts of {@code os.version}, such as {@code 10.0.20348}. */
  public String buildPrefix() {
    return buildPrefix;
  }

  /** Finds a release by tag name ({@code ltsc2022}) or by version ({@code 10.0.20348[.x]}). */
  public static Optional<WindowsRelease> find(String nameOrVersion) {
    return Arrays.stream(values())
        .filter(
            release ->
                release.tagName.equalsIgnoreCase(nameOrVersion)
                    || release.matchesOsVersion(nameOrVersion))
        .findFirst();
  }

  /** Whether an image's {@code os.version} belongs to this release. */
  public boolean matchesOsVersion(String osVersion) {
    return osVersion.equals(buildPrefix) || osVersion.startsWith(buildPrefix + ".");
  }
}
