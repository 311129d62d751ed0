package com.cloudbees.plugins.credentials;

/** Compile-time stand-in for {@code CredentialsScope} of credentials. */
public enum CredentialsScope {
  SYSTEM("System"),
  GLOBAL("Global"),
  USER("User");

  private final String displayName;

  CredentialsScope(String displayName) {
    this.displayName = displayName;
  }

  public String getDisplayName() {
    return displayName;
  }
}
