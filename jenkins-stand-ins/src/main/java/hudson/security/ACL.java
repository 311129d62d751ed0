package hudson.security;

import io.jenkins.plugins.konet.standins.StandInAuthentication;
import io.jenkins.plugins.konet.standins.StandInSecurity;
import java.util.function.BiFunction;
import jenkins.model.Jenkins;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;

/** Compile-time stand-in for {@code ACL} of jenkins-core. */
public abstract class ACL {
  public static final String ANONYMOUS_USERNAME = "anonymous";
  public static final String SYSTEM_USERNAME = "SYSTEM";
  public static final Authentication SYSTEM2 = new StandInAuthentication(SYSTEM_USERNAME);

  public final void checkPermission(Permission p) {
    Authentication a = Jenkins.getAuthentication2();
    if (a.equals(SYSTEM2)) {
      return;
    }
    if (!hasPermission2(a, p)) {
      throw new AccessDeniedException(a.getName() + " is missing the " + p.name + " permission");
    }
  }

  public final void checkAnyPermission(Permission... permissions) {
    if (permissions.length == 0) {
      throw new IllegalArgumentException("At least one permission must be provided");
    }
    if (!hasAnyPermission(permissions)) {
      throw new AccessDeniedException(
          Jenkins.getAuthentication2().getName() + " is missing the permissions");
    }
  }

  public final boolean hasPermission(Permission p) {
    Authentication a = Jenkins.getAuthentication2();
    return a.equals(SYSTEM2) || hasPermission2(a, p);
  }

  public final boolean hasAnyPermission(Permission... permissions) {
    if (permissions.length == 0) {
      throw new IllegalArgumentException("At least one permission must be provided");
    }
    for (Permission p : permissions) {
      if (hasPermission(p)) {
        return true;
      }
    }
    return false;
  }

  public boolean hasPermission2(Authentication a, Permission permission) {
    throw new AbstractMethodError("implement hasPermission2");
  }

  public static ACL lambda2(BiFunction<Authentication, Permission, Boolean> impl) {
    return new ACL() {
      @Override
      public boolean hasPermission2(Authentication a, Permission permission) {
        return impl.apply(a, permission);
      }
    };
  }

  public static ACLContext as2(Authentication auth) {
    return new ACLContext(StandInSecurity.setCurrent(auth));
  }

  public static boolean isAnonymous2(Authentication authentication) {
    return authentication == null || ANONYMOUS_USERNAME.equals(authentication.getName());
  }
}
