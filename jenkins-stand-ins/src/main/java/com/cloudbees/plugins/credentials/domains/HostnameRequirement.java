package com.cloudbees.plugins.credentials.domains;

/** Compile-time stand-in for {@code HostnameRequirement} of credentials. */
public class HostnameRequirement extends DomainRequirement {
  private static final long serialVersionUID = 1L;

  private final String hostname;

  public HostnameRequirement(String hostname) {
    this.hostname = hostname;
  }

  public String getHostname() {
    return hostname;
  }

  @Override
  public String toString() {
    return "HostnameRequirement{" + hostname + "}";
  }
}
