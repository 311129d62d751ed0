package io.konet.core.properties;

import static org.assertj.core.api.Assertions.assertThat;

import io.konet.core.KonetException;
import java.util.Arrays;

/**
 * What a refusal shown to a user must look like, whatever the input: one non-empty line, no
 * character a terminal or a Jenkins log would act on or hide, short enough to read, and naming
 * the rule that was broken.
 */
final class Refusals {

  /** Inputs are shown shortened, so a message never grows with its input. */
  static final int MAX_LENGTH = 600;

  private Refusals() {}

  /** Checks {@code failure}, thrown for {@code input}, against every rule above. */
  static void assertClear(KonetException failure, String input, String... rules) {
    String message = failure.getMessage();
    String context = "message for input " + escaped(input) + ": " + escaped(message);
    assertNamesTheRule(failure, input, rules);
    assertThat(message.length()).as(context).isLessThanOrEqualTo(MAX_LENGTH);
    message.codePoints().forEach(c -> assertThat(isUnsafe(c)).as(context).isFalse());
  }

  /** Checks only that the message is there and names one of {@code rules}. */
  static void assertNamesTheRule(KonetException failure, String input, String... rules) {
    String message = failure.getMessage();
    String context = "message for input " + escaped(input) + ": " + escaped(message);
    assertThat(message).as(context).isNotBlank();
    assertThat(Arrays.stream(rules).anyMatch(message::contains))
        .as(context + " names one of " + Arrays.toString(rules))
        .isTrue();
  }

  /**
   * Line breaks, control characters, invisible formatting (zero-width, bidi overrides) and
   * surrogate halves: none of them may reach a log unescaped.
   */
  static boolean isUnsafe(int codePoint) {
    int type = Character.getType(codePoint);
    return Character.isISOControl(codePoint)
        || type == Character.LINE_SEPARATOR
        || type == Character.PARAGRAPH_SEPARATOR
        || type == Character.FORMAT
        || type == Character.SURROGATE;
  }

  /** The input, made printable for an assertion message. */
  static String escaped(String text) {
    if (text == null) {
      return "null";
    }
    StringBuilder out = new StringBuilder("\"");
    text.codePoints().limit(200).forEach(c -> {
      if (isUnsafe(c) || c > 0x7e) {
        out.append(String.format("\\u%04x", c));
      } else {
        out.appendCodePoint(c);
      }
    });
    return out.append(text.length() > 200 ? "...\" (" + text.length() + " chars)" : "\"")
        .toString();
  }
}
