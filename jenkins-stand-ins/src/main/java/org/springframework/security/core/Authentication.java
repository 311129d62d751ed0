package org.springframework.security.core;

import java.io.Serializable;
import java.security.Principal;

/**
 * Compile-time stand-in for {@code Authentication} of spring-security-core.
 *
 * <p>Carries only the members callers use; the real interface also has {@code getAuthorities()} and
 * {@code setAuthenticated(boolean)}.
 */
public interface Authentication extends Principal, Serializable {
  Object getCredentials();

  Object getDetails();

  Object getPrincipal();

  boolean isAuthenticated();
}
