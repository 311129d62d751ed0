package com.cloudbees.plugins.credentials.impl;

import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import hudson.Extension;
import hudson.model.Descriptor;
import hudson.util.Secret;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;

/**
 * Compile-time stand-in for {@code UsernamePasswordCredentialsImpl} of credentials.
 *
 * <p>The FIPS password-length check never fails here.
 */
public class UsernamePasswordCredentialsImpl extends BaseStandardCredentials
    implements StandardUsernamePasswordCredentials {
  private static final long serialVersionUID = 1L;

  private final String username;
  private final Secret password;

  @DataBoundConstructor
  public UsernamePasswordCredentialsImpl(
      CredentialsScope scope, String id, String description, String username, String password)
      throws Descriptor.FormException {
    super(scope, id, description);
    this.username = username == null ? "" : username;
    this.password = Secret.fromString(password);
  }

  @Override
  public Secret getPassword() {
    return password;
  }

  @Override
  public String getUsername() {
    return username;
  }

  /** Compile-time stand-in for {@code UsernamePasswordCredentialsImpl.DescriptorImpl}. */
  @Extension(ordinal = 1)
  @Symbol("usernamePassword")
  public static class DescriptorImpl extends BaseStandardCredentialsDescriptor {
    @Override
    public String getDisplayName() {
      return "Username with password";
    }
  }
}
