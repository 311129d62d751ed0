package com.cloudbees.plugins.credentials.domains;

/** Compile-time stand-in for {@code SchemeRequirement} of credentials. */
public class SchemeRequirement extends DomainRequirement {
  private static final long serialVersionUID = 1L;

  private final String scheme;

  public SchemeRequirement(String scheme) {
    this.scheme = scheme;
  }

  public String getScheme() {
    return scheme;
  }

  @Override
  public String toString() {
    return "SchemeRequirement{" + scheme + "}";
  }
}
