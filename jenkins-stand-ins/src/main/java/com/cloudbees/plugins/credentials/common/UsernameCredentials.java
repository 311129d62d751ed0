package com.cloudbees.plugins.credentials.common;

import com.cloudbees.plugins.credentials.Credentials;

/** Compile-time stand-in for {@code UsernameCredentials} of credentials. */
public interface UsernameCredentials extends Credentials {
  String getUsername();
}
