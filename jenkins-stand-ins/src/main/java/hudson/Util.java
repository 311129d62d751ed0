package hudson;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Compile-time stand-in for {@code Util} of jenkins-core. */
public class Util {
  /** {@code $NAME}, {@code ${NAME}} (dots allowed inside braces) and the escape {@code $$}. */
  private static final Pattern MACRO =
      Pattern.compile("\\$(?:\\{([A-Za-z0-9_.]+)\\}|([A-Za-z0-9_]+)|(\\$))");

  public static String fixEmpty(String s) {
    return s == null || s.isEmpty() ? null : s;
  }

  public static String fixEmptyAndTrim(String s) {
    return s == null ? null : fixEmpty(s.trim());
  }

  public static String fixNull(String s) {
    return s == null ? "" : s;
  }

  /**
   * Replaces {@code $KEY} and {@code ${KEY}} by the map's values and {@code $$} by {@code $};
   * unknown variables stay as they are and substituted values are not expanded again.
   */
  public static String replaceMacro(String s, Map<String, String> properties) {
    if (s == null) {
      return null;
    }
    StringBuilder out = new StringBuilder();
    Matcher m = MACRO.matcher(s);
    int copied = 0;
    while (m.find()) {
      String value;
      if (m.group(3) != null) {
        value = "$";
      } else {
        value = properties.get(m.group(1) != null ? m.group(1) : m.group(2));
      }
      if (value != null) {
        out.append(s, copied, m.start()).append(value);
        copied = m.end();
      }
    }
    return out.append(s, copied, s.length()).toString();
  }

  /** HTML-escapes text the way form validation messages are escaped. */
  public static String escape(String text) {
    if (text == null) {
      return null;
    }
    StringBuilder buf = new StringBuilder(text.length() + 16);
    for (char ch : text.toCharArray()) {
      switch (ch) {
        case '\n' -> buf.append("<br>");
        case '<' -> buf.append("&lt;");
        case '>' -> buf.append("&gt;");
        case '&' -> buf.append("&amp;");
        case '"' -> buf.append("&quot;");
        case '\'' -> buf.append("&#39;");
        default -> buf.append(ch);
      }
    }
    return buf.toString();
  }

  public static String[] mapToEnv(Map<String, String> m) {
    return m.entrySet().stream().map(e -> e.getKey() + '=' + e.getValue()).toArray(String[]::new);
  }
}
