package jenkins.agents;

import hudson.FilePath;
import jenkins.security.Roles;
import org.jenkinsci.remoting.RoleChecker;

/** Compile-time stand-in for {@code ControllerToAgentFileCallable} of jenkins-core. */
public interface ControllerToAgentFileCallable<T> extends FilePath.FileCallable<T> {
  @Override
  default void checkRoles(RoleChecker checker) throws SecurityException {
    checker.check(this, Roles.SLAVE);
  }
}
