package io.konet.testing;

/** A registry answered with a status the caller did not expect. */
public final class RegistryHttpException extends RuntimeException {

  private final int statusCode;

  public RegistryHttpException(int statusCode, String message) {
    super(message);
    this.statusCode = statusCode;
  }

  public int statusCode() {
    return statusCode;
  }
}
