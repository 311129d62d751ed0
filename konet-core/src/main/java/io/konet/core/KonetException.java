package io.konet.core;

/**
 * A failure the user can act on, described in one sentence.
 *
 * <p>The message is shown as it is, so it never carries a stack trace, a secret or a multi-line
 * dump; the cause, when there is one, is kept for verbose logs.
 */
public class KonetException extends Exception {

  private static final long serialVersionUID = 1L;

  public KonetException(String message) {
    super(message);
  }

  public KonetException(String message, Throwable cause) {
    super(message, cause);
  }
}
