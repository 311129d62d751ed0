package com.cloudbees.plugins.credentials.common;

import com.cloudbees.plugins.credentials.Credentials;

/** Compile-time stand-in for {@code IdCredentials} of credentials. */
public interface IdCredentials extends Credentials {
  String getId();
}
