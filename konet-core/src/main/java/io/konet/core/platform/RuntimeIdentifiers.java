package io.konet.core.platform;

/** Maps platforms to .NET runtime identifiers (RIDs). */
public final class RuntimeIdentifiers {

  private RuntimeIdentifiers() {}

  /** The RID that {@code dotnet publish -r} takes for a platform and base image family. */
  public static String of(Platform platform, BaseFamily family) {
    if (platform.isWindows()) {
      return "win-x64";
    }
    String libc = family == BaseFamily.ALPINE ? "linux-musl-" : "linux-";
    switch (platform.architecture()) {
      case "amd64":
        return libc + "x64";
      case "arm64":
        return libc + "arm64";
      case "arm":
        return libc + "arm";
      default:
        throw new IllegalArgumentException("no runtime identifier for " + platform);
    }
  }
}
