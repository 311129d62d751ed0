package io.konet.core.build;

import java.util.Locale;

/** Formats byte counts the way log lines show them. */
public final class Sizes {

  private Sizes() {}

  /** {@code 512 B}, {@code 12.4 kB}, {@code 48.1 MB}, {@code 1.2 GB}. */
  public static String describe(long bytes) {
    if (bytes < 1000) {
      return bytes + " B";
    }
    String[] units = {"kB", "MB", "GB", "TB"};
    double value = bytes;
    int unit = -1;
    while (value >= 1000 && unit < units.length - 1) {
      value /= 1000;
      unit++;
    }
    return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
  }
}
