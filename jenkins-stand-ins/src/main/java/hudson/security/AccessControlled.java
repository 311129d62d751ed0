package hudson.security;

import jenkins.model.Jenkins;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;

/** Compile-time stand-in for {@code AccessControlled} of jenkins-core. */
public interface AccessControlled {
  ACL getACL();

  default void checkPermission(Permission permission) throws AccessDeniedException {
    if (Jenkins.getAuthentication2().equals(ACL.SYSTEM2)) {
      return;
    }
    getACL().checkPermission(permission);
  }

  default void checkAnyPermission(Permission... permission) throws AccessDeniedException {
    getACL().checkAnyPermission(permission);
  }

  default boolean hasPermission(Permission permission) {
    return getACL().hasPermission(permission);
  }

  default boolean hasAnyPermission(Permission... permission) {
    return getACL().hasAnyPermission(permission);
  }

  default boolean hasPermission2(Authentication a, Permission permission) {
    if (a.equals(ACL.SYSTEM2)) {
      return true;
    }
    return getACL().hasPermission2(a, permission);
  }
}
