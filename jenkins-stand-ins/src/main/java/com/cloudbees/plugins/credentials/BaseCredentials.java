package com.cloudbees.plugins.credentials;

import jenkins.model.Jenkins;

/** Compile-time stand-in for {@code BaseCredentials} of credentials. */
public abstract class BaseCredentials implements Credentials {
  private static final long serialVersionUID = 1L;

  private final CredentialsScope scope;

  public BaseCredentials() {
    this.scope = null;
  }

  public BaseCredentials(CredentialsScope scope) {
    this.scope = scope;
  }

  @Override
  public CredentialsScope getScope() {
    return scope;
  }

  @Override
  public CredentialsDescriptor getDescriptor() {
    return (CredentialsDescriptor) Jenkins.get().getDescriptorOrDie(getClass());
  }
}
