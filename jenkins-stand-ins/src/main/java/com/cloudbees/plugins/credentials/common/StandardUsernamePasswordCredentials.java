package com.cloudbees.plugins.credentials.common;

/** Compile-time stand-in for {@code StandardUsernamePasswordCredentials} of credentials. */
public interface StandardUsernamePasswordCredentials
    extends StandardUsernameCredentials, UsernamePasswordCredentials {}
