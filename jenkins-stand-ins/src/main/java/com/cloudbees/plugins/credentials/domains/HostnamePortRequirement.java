package com.cloudbees.plugins.credentials.domains;

/** Compile-time stand-in for {@code HostnamePortRequirement} of credentials. */
public class HostnamePortRequirement extends DomainRequirement {
  private static final long serialVersionUID = 1L;

  private final String hostname;
  private final int port;

  public HostnamePortRequirement(String hostname, int port) {
    this.hostname = hostname;
    this.port = port;
  }

  public String getHostname() {
    return hostname;
  }

  public int getPort() {
    return port;
  }

  @Override
  public String toString() {
    return "HostnamePortRequirement{" + hostname + ":" + port + "}";
  }
}
