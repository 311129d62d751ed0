package com.cloudbees.plugins.credentials.common;

/** Compile-time stand-in for {@code StandardUsernameCredentials} of credentials. */
public interface StandardUsernameCredentials extends StandardCredentials, UsernameCredentials {}
