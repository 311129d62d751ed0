package com.cloudbees.plugins.credentials;

import com.cloudbees.plugins.credentials.common.StandardCredentials;
import com.cloudbees.plugins.credentials.common.StandardUsernameCredentials;
import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;

/**
 * Compile-time stand-in for {@code CredentialsNameProvider} of credentials.
 *
 * <p>{@link #name} follows the standard interfaces' name providers; the real one reads their
 * {@code @NameWith} annotations and falls back to the descriptor's display name.
 */
public abstract class CredentialsNameProvider<C extends Credentials> {
  public abstract String getName(C credentials);

  public static String name(Credentials credentials) {
    String description = "";
    if (credentials instanceof StandardCredentials) {
      String d = ((StandardCredentials) credentials).getDescription();
      description = d == null || d.isBlank() ? "" : " (" + d.trim() + ")";
    }
    if (credentials instanceof StandardUsernamePasswordCredentials) {
      return ((StandardUsernamePasswordCredentials) credentials).getUsername()
          + "/******"
          + description;
    }
    if (credentials instanceof StandardUsernameCredentials) {
      return ((StandardUsernameCredentials) credentials).getUsername() + description;
    }
    if (credentials instanceof StandardCredentials) {
      return ((StandardCredentials) credentials).getId() + description;
    }
    return credentials.getClass().getSimpleName();
  }
}
