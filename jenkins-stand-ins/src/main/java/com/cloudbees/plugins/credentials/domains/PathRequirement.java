package com.cloudbees.plugins.credentials.domains;

/** Compile-time stand-in for {@code PathRequirement} of credentials. */
public class PathRequirement extends DomainRequirement {
  private static final long serialVersionUID = 1L;

  private final String path;

  public PathRequirement(String path) {
    this.path = path;
  }

  public String getPath() {
    return path;
  }

  @Override
  public String toString() {
    return "PathRequirement{" + path + "}";
  }
}
