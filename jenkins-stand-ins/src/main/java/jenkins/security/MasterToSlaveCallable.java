package jenkins.security;

import hudson.remoting.Callable;
import org.jenkinsci.remoting.RoleChecker;

/** Compile-time stand-in for {@code MasterToSlaveCallable} of jenkins-core. */
public abstract class MasterToSlaveCallable<V, T extends Throwable> implements Callable<V, T> {
  private static final long serialVersionUID = 1L;

  @Override
  public void checkRoles(RoleChecker checker) throws SecurityException {
    checker.check(this, Roles.SLAVE);
  }
}
