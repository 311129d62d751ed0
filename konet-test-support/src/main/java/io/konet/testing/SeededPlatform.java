package io.konet.testing;

import java.util.Objects;
import java.util.Optional;

/**
 * The platform of one entry of a seeded index, as its {@code platform} object states it: {@code
 * linux/amd64}, {@code linux/arm64/v8}, {@code windows/amd64} with an {@code os.version}, or {@code
 * unknown/unknown} for an attestation.
 */
public record SeededPlatform(String os, String architecture, String variant, String osVersion) {

  public SeededPlatform {
    Objects.requireNonNull(os, "os");
    Objects.requireNonNull(architecture, "architecture");
  }

  public static SeededPlatform linux(String architecture, String variant) {
    return new SeededPlatform("linux", architecture, variant, null);
  }

  public static SeededPlatform windows(String osVersion) {
    return new SeededPlatform("windows", "amd64", null, osVersion);
  }

  /** Parses {@code os/arch[/variant]}, optionally followed by {@code :os.version}. */
  public static SeededPlatform parse(String text) {
    String[] versionSplit = text.split(":", 2);
    String[] parts = versionSplit[0].split("/");
    if (parts.length < 2 || parts.length > 3) {
      throw new IllegalArgumentException("Not a platform: " + text);
    }
    return new SeededPlatform(
        parts[0],
        parts[1],
        parts.length == 3 ? parts[2] : null,
        versionSplit.length == 2 ? versionSplit[1] : null);
  }

  public Optional<String> variantIfAny() {
    return Optional.ofNullable(variant);
  }

  public Optional<String> osVersionIfAny() {
    return Optional.ofNullable(osVersion);
  }

  public boolean isWindows() {
    return os.equals("windows");
  }

  /** {@code os/arch[/variant]}, without the OS version. */
  public String osArchVariant() {
    return os + "/" + architecture + (variant == null ? "" : "/" + variant);
  }

  /**
   * True when {@code text} (as {@link #parse} reads it) names this platform; parts that {@code
   * text} leaves out (variant, OS version) match anything.
   */
  public boolean matches(String text) {
    SeededPlatform wanted = parse(text);
    return wanted.os.equals(os)
        && wanted.architecture.equals(architecture)
        && (wanted.variant == null || wanted.variant.equals(variant))
        && (wanted.osVersion == null || wanted.osVersion.equals(osVersion));
  }

  @Override
  public String toString() {
    return osArchVariant() + (osVersion == null ? "" : ":" + osVersion);
  }
}
