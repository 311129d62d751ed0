package com.cloudbees.plugins.credentials.common;

import com.cloudbees.plugins.credentials.CredentialsNameProvider;

/** Compile-time stand-in for {@code StandardListBoxModel} of credentials. */
public class StandardListBoxModel
    extends AbstractIdCredentialsListBoxModel<StandardListBoxModel, StandardCredentials> {
  private static final long serialVersionUID = 1L;

  @Override
  protected String describe(StandardCredentials c) {
    return CredentialsNameProvider.name(c);
  }
}
