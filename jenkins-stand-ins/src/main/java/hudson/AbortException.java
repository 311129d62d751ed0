package hudson;

import java.io.IOException;

/** Compile-time stand-in for {@code AbortException} of jenkins-core. */
public final class AbortException extends IOException {
  private static final long serialVersionUID = 1L;

  public AbortException() {}

  public AbortException(String message) {
    super(message);
  }
}
