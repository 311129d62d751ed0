package io.konet.core;

import java.util.Locale;

/**
 * Text that came from a user or a registry, made fit to repeat in a one-line message: control,
 * invisible and line-breaking characters escaped as in Java source, and cut when long, so that no
 * input can break a log line in two or forge one.
 */
public final class UserText {

  /** How many characters of foreign text a message repeats. */
  public static final int SHOWN_LENGTH = 100;

  private UserText() {}

  /** {@code text} escaped and shortened; "null" for null. */
  public static String shown(String text) {
    return shown(text, SHOWN_LENGTH);
  }

  /** {@code text} escaped and cut after {@code limit} characters, for longer texts (paths). */
  public static String shown(String text, int limit) {
    if (text == null) {
      return "null";
    }
    StringBuilder shown = new StringBuilder();
    for (int i = 0; i < text.length(); i += Character.charCount(text.codePointAt(i))) {
      if (shown.length() >= limit) {
        return shown + "...";
      }
      int c = text.codePointAt(i);
      if (isUnprintable(c)) {
        shown.append(String.format(Locale.ROOT, "\\u%04x", c));
      } else {
        shown.appendCodePoint(c);
      }
    }
    return shown.toString();
  }

  /** Whether {@code text} holds characters a one-line value should not: controls, tabs, breaks. */
  public static boolean hasUnprintable(String text) {
    return text.codePoints().anyMatch(UserText::isUnprintable);
  }

  private static boolean isUnprintable(int c) {
    int type = Character.getType(c);
    return Character.isISOControl(c) || type == Character.FORMAT || type == Character.SURROGATE
        || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR;
  }
}
