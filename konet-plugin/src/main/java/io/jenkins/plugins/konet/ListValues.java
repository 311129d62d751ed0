package io.jenkins.plugins.konet;

import io.konet.core.UserText;
import hudson.AbortException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Lists as both Pipeline and the configuration form give them: a Pipeline passes {@code
 * ['linux/amd64', 'linux/arm64']}, a form text area arrives as one string with lines or commas.
 */
final class ListValues {


  private ListValues() {}

  /** Every non-blank item, each split at commas and line breaks, trimmed. */
  static List<String> normalize(List<String> values) {
    if (values == null) {
      return Collections.emptyList();
    }
    List<String> items = new ArrayList<>();
    for (String value : values) {
      if (value == null) {
        continue;
      }
      for (String item : value.split("[,\\r\\n]+")) {
        if (!item.isBlank()) {
          items.add(item.strip());
        }
      }
    }
    return Collections.unmodifiableList(items);
  }

  /** Items split at line breaks only, for values that may contain commas (labels). */
  static List<String> normalizeLines(List<String> values) {
    if (values == null) {
      return Collections.emptyList();
    }
    List<String> items = new ArrayList<>();
    for (String value : values) {
      if (value == null) {
        continue;
      }
      for (String item : value.split("[\\r\\n]+")) {
        if (!item.isBlank()) {
          items.add(item.strip());
        }
      }
    }
    return Collections.unmodifiableList(items);
  }

  /** One item a line, as the text areas show them. */
  static String asText(List<String> values) {
    return String.join("\n", values);
  }

  /**
   * Reads {@code KEY=VALUE} items, key and value trimmed, the last value of a key winning;
   * {@code what} names them in the error. A key must not be blank, and neither part may hold
   * control or invisible characters, which no label or MSBuild property needs.
   */
  static Map<String, String> pairs(List<String> items, String what) throws AbortException {
    Map<String, String> pairs = new LinkedHashMap<>();
    for (String item : items) {
      int equals = item.indexOf('=');
      if (equals < 0 || item.substring(0, equals).isBlank()) {
        throw new AbortException("Invalid " + what + " '" + UserText.shown(item) + "'; write KEY=VALUE.");
      }
      if (UserText.hasUnprintable(item)) {
        throw new AbortException("Invalid " + what + " '" + UserText.shown(item) + "': it holds control"
            + " or invisible characters.");
      }
      pairs.put(item.substring(0, equals).strip(), item.substring(equals + 1).strip());
    }
    return pairs;
  }

}
