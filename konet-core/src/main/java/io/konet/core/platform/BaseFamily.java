package io.konet.core.platform;

import io.konet.core.KonetException;
import java.util.Locale;

/** The family of official .NET Linux base images to build on. */
public enum BaseFamily {
  /** Debian based images, glibc RIDs. */
  DEBIAN,
  /** Alpine based images, musl RIDs. */
  ALPINE,
  /** Ubuntu chiseled (distroless) images, glibc RIDs. */
  CHISELED;

  public static BaseFamily parse(String text) throws KonetException {
    try {
      return valueOf(text.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new KonetException(
          "Unknown base image family '" + text + "'; use debian, alpine or chiseled.");
    }
  }
}
