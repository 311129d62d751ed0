package jenkins;

import hudson.FilePath.FileCallable;
import jenkins.security.Roles;
import org.jenkinsci.remoting.RoleChecker;

/**
 * Compile-time stand-in for {@code MasterToSlaveFileCallable} of jenkins-core.
 *
 * <p>Shaped as in the 2.479 line; the newest cores deprecate it in favour of {@code
 * jenkins.agents.ControllerToAgentFileCallable}, which is also provided.
 */
public abstract class MasterToSlaveFileCallable<T> implements FileCallable<T> {
  private static final long serialVersionUID = 1L;

  @Override
  public void checkRoles(RoleChecker checker) throws SecurityException {
    checker.check(this, Roles.SLAVE);
  }
}
