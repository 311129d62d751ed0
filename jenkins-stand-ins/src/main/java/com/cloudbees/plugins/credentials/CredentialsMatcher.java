package com.cloudbees.plugins.credentials;

import java.io.Serializable;

/** Compile-time stand-in for {@code CredentialsMatcher} of credentials. */
public interface CredentialsMatcher extends Serializable {
  boolean matches(Credentials item);
}
