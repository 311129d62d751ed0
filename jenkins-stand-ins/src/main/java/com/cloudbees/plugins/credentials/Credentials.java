package com.cloudbees.plugins.credentials;

import hudson.ExtensionPoint;
import hudson.model.Describable;
import java.io.Serializable;

/** Compile-time stand-in for {@code Credentials} of credentials. */
public interface Credentials extends Describable<Credentials>, Serializable, ExtensionPoint {
  CredentialsScope getScope();

  @Override
  CredentialsDescriptor getDescriptor();
}
