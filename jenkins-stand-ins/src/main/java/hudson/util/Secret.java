package hudson.util;

import java.io.Serializable;
import java.util.logging.Logger;

/**
 * Compile-time stand-in for {@code Secret} of jenkins-core.
 *
 * <p>As in the real class, {@link #toString()} is deprecated, logs a warning and returns the plain
 * text: it does not mask. Nothing is encrypted.
 */
public final class Secret implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final Logger LOGGER = Logger.getLogger(Secret.class.getName());

  private final String value;

  Secret(String value) {
    this.value = value;
  }

  public static Secret fromString(String data) {
    return new Secret(data == null ? "" : data);
  }

  public static String toString(Secret s) {
    return s == null ? "" : s.value;
  }

  public String getPlainText() {
    return value;
  }

  @Deprecated
  @Override
  public String toString() {
    LOGGER.warning("Use of toString() on hudson.util.Secret. Prefer getPlainText().");
    return value;
  }

  @Override
  public boolean equals(Object that) {
    return that instanceof Secret && value.equals(((Secret) that).value);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }
}
