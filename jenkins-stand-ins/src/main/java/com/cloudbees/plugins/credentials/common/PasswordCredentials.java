package com.cloudbees.plugins.credentials.common;

import com.cloudbees.plugins.credentials.Credentials;
import hudson.util.Secret;

/** Compile-time stand-in for {@code PasswordCredentials} of credentials. */
public interface PasswordCredentials extends Credentials {
  Secret getPassword();
}
