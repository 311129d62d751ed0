package hudson;

import java.io.File;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Compile-time stand-in for {@code EnvVars} of jenkins-core.
 *
 * <p>{@link #overrideExpandingAll} applies plain keys in the map's order, then {@code KEY+SUFFIX}
 * keys; the real class orders plain keys by their references to each other.
 */
public class EnvVars extends TreeMap<String, String> {
  private static final long serialVersionUID = 1L;

  public static final Map<String, String> masterEnvVars = new EnvVars(System.getenv());

  public EnvVars() {
    super(String.CASE_INSENSITIVE_ORDER);
  }

  public EnvVars(Map<String, String> m) {
    this();
    putAll(m);
  }

  public EnvVars(EnvVars m) {
    this((Map<String, String>) m);
  }

  public EnvVars(String... keyValuePairs) {
    this();
    if (keyValuePairs.length % 2 != 0) {
      throw new IllegalArgumentException(Arrays.asList(keyValuePairs).toString());
    }
    for (int i = 0; i < keyValuePairs.length; i += 2) {
      put(keyValuePairs[i], keyValuePairs[i + 1]);
    }
  }

  /** Sets a value; an empty value removes the key and {@code PATH+XYZ} prepends to {@code PATH}. */
  public void override(String key, String value) {
    if (value == null || value.isEmpty()) {
      remove(key);
      return;
    }
    int plus = key.indexOf('+');
    if (plus > 0) {
      String realKey = key.substring(0, plus);
      String existing = get(realKey);
      put(realKey, existing == null ? value : value + File.pathSeparatorChar + existing);
      return;
    }
    put(key, value);
  }

  public EnvVars overrideAll(Map<String, String> all) {
    for (Map.Entry<String, String> e : all.entrySet()) {
      override(e.getKey(), e.getValue());
    }
    return this;
  }

  public EnvVars overrideExpandingAll(Map<String, String> all) {
    List<String> extending = new ArrayList<>();
    for (String key : all.keySet()) {
      if (key.indexOf('+') > 0) {
        extending.add(key);
      } else {
        override(key, expand(all.get(key)));
      }
    }
    for (String key : extending) {
      override(key, expand(all.get(key)));
    }
    return this;
  }

  public String get(String key, String defaultValue) {
    String v = get(key);
    return v == null ? defaultValue : v;
  }

  @Override
  public String put(String key, String value) {
    if (value == null) {
      throw new IllegalArgumentException(
          "Null value not allowed as an environment variable: " + key);
    }
    return super.put(key, value);
  }

  public void putIfNotNull(String key, String value) {
    if (value != null) {
      put(key, value);
    }
  }

  public void addLine(String line) {
    int sep = line.indexOf('=');
    if (sep > 0) {
      put(line.substring(0, sep), line.substring(sep + 1));
    }
  }

  public String expand(String s) {
    return Util.replaceMacro(s, this);
  }
}
