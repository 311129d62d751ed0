package jenkins.agents;

import hudson.remoting.Callable;
import jenkins.security.Roles;
import org.jenkinsci.remoting.RoleChecker;

/** Compile-time stand-in for {@code ControllerToAgentCallable} of jenkins-core. */
public interface ControllerToAgentCallable<V, T extends Throwable> extends Callable<V, T> {
  @Override
  default void checkRoles(RoleChecker checker) throws SecurityException {
    checker.check(this, Roles.SLAVE);
  }
}
