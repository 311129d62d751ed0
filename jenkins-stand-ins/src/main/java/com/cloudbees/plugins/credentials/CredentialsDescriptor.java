package com.cloudbees.plugins.credentials;

import hudson.model.Descriptor;

/** Compile-time stand-in for {@code CredentialsDescriptor} of credentials. */
public abstract class CredentialsDescriptor extends Descriptor<Credentials> {
  protected CredentialsDescriptor(Class<? extends Credentials> clazz) {
    super(clazz);
  }

  protected CredentialsDescriptor() {}
}
