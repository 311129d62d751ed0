package org.jenkinsci.remoting;

import java.util.Arrays;
import java.util.Collection;
import java.util.Set;

/** Compile-time stand-in for {@code RoleChecker} of remoting. */
public abstract class RoleChecker {
  public abstract void check(RoleSensitive subject, Collection<Role> expected)
      throws SecurityException;

  public void check(RoleSensitive subject, Role expected) throws SecurityException {
    check(subject, Set.of(expected));
  }

  public void check(RoleSensitive subject, Role... expected) throws SecurityException {
    check(subject, Arrays.asList(expected));
  }
}
