package io.jenkins.plugins.konet.standins;

import org.springframework.security.core.Authentication;

/** Stand-in only: a name-based {@link Authentication} for {@code ACL.SYSTEM2} and test users. */
public final class StandInAuthentication implements Authentication {
  private static final long serialVersionUID = 1L;

  private final String name;

  public StandInAuthentication(String name) {
    this.name = name;
  }

  @Override
  public String getName() {
    return name;
  }

  @Override
  public Object getCredentials() {
    return null;
  }

  @Override
  public Object getDetails() {
    return null;
  }

  @Override
  public Object getPrincipal() {
    return name;
  }

  @Override
  public boolean isAuthenticated() {
    return true;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof StandInAuthentication && ((StandInAuthentication) o).name.equals(name);
  }

  @Override
  public int hashCode() {
    return name.hashCode();
  }

  @Override
  public String toString() {
    return "StandInAuthentication[" + name + "]";
  }
}
