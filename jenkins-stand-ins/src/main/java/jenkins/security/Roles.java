package jenkins.security;

import org.jenkinsci.remoting.Role;

/** Compile-time stand-in for {@code Roles} of jenkins-core. */
public class Roles {
  public static final Role MASTER = new Role("master");
  public static final Role SLAVE = new Role("slave");

  private Roles() {}
}
