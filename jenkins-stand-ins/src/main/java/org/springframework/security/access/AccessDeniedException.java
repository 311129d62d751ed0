package org.springframework.security.access;

/** Compile-time stand-in for {@code AccessDeniedException} of spring-security-core. */
public class AccessDeniedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public AccessDeniedException(String msg) {
    super(msg);
  }

  public AccessDeniedException(String msg, Throwable cause) {
    super(msg, cause);
  }
}
