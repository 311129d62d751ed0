package org.jenkinsci.remoting;

/** Compile-time stand-in for {@code RoleSensitive} of remoting. */
public interface RoleSensitive {
  void checkRoles(RoleChecker checker) throws SecurityException;
}
