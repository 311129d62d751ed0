package com.cloudbees.plugins.credentials.common;

/** Compile-time stand-in for {@code StandardCredentials} of credentials. */
public interface StandardCredentials extends IdCredentials {
  String getDescription();
}
