package com.cloudbees.plugins.credentials.common;

/** Compile-time stand-in for {@code UsernamePasswordCredentials} of credentials. */
public interface UsernamePasswordCredentials extends UsernameCredentials, PasswordCredentials {}
