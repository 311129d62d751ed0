package com.cloudbees.plugins.credentials.impl;

import com.cloudbees.plugins.credentials.BaseCredentials;
import com.cloudbees.plugins.credentials.CredentialsDescriptor;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import java.util.UUID;

/** Compile-time stand-in for {@code BaseStandardCredentials} of credentials. */
public abstract class BaseStandardCredentials extends BaseCredentials
    implements StandardCredentials {
  private static final long serialVersionUID = 1L;

  private final String id;
  private final String description;

  public BaseStandardCredentials(String id, String description) {
    this(null, id, description);
  }

  public BaseStandardCredentials(CredentialsScope scope, String id, String description) {
    super(scope);
    this.id = id == null || id.isEmpty() ? UUID.randomUUID().toString() : id;
    this.description = description == null ? "" : description;
  }

  @Override
  public String getDescription() {
    return description;
  }

  @Override
  public String getId() {
    return id;
  }

  @Override
  public final int hashCode() {
    return id.hashCode();
  }

  @Override
  public final boolean equals(Object o) {
    return o instanceof StandardCredentials && id.equals(((StandardCredentials) o).getId());
  }

  /**
   * Compile-time stand-in for {@code BaseStandardCredentials.BaseStandardCredentialsDescriptor}.
   */
  protected abstract static class BaseStandardCredentialsDescriptor extends CredentialsDescriptor {
    protected BaseStandardCredentialsDescriptor() {}

    protected BaseStandardCredentialsDescriptor(Class<? extends BaseStandardCredentials> clazz) {
      super(clazz);
    }
  }
}
