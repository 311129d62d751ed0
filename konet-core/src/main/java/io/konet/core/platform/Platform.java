package io.konet.core.platform;

import java.io.Serializable;
import java.util.Objects;
import java.util.Optional;

/**
 * A target platform as written in an image index: os, architecture, optional variant and, for
 * Windows, the os version the image must match.
 *
 * <p>{@code osVersion} holds what the user asked for: a release name ({@code ltsc2022}) or a
 * version prefix ({@code 10.0.20348}); the exact {@code os.version} comes from the base image.
 */
public record Platform(String os, String architecture, String variant, String osVersion)
    implements Serializable {

  public Platform {
    Objects.requireNonNull(os, "os");
    Objects.requireNonNull(architecture, "architecture");
  }

  public boolean isWindows() {
    return "windows".equals(os);
  }

  public Optional<String> variantIfAny() {
    return Optional.ofNullable(variant);
  }

  public Optional<String> osVersionIfAny() {
    return Optional.ofNullable(osVersion);
  }

  /** The Windows release the platform asks for, when it names one this product knows. */
  public Optional<WindowsRelease> windowsRelease() {
    return osVersionIfAny().flatMap(WindowsRelease::find);
  }

  /** The canonical text form, {@code os/arch[/variant][:osversion]}. */
  @Override
  public String toString() {
    StringBuilder text = new StringBuilder(os).append('/').append(architecture);
    if (variant != null) {
      text.append('/').append(variant);
    }
    if (osVersion != null) {
      text.append(':').append(osVersion);
    }
    return text.toString();
  }

  /** A form usable inside a tag: {@code linux-arm-v7}, {@code windows-amd64-ltsc2022}. */
  public String tagSuffix() {
    return toString().replace('/', '-').replace(':', '-');
  }
}
