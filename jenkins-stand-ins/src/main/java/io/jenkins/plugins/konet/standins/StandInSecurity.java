package io.jenkins.plugins.konet.standins;

import hudson.model.Item;
import hudson.model.Run;
import hudson.security.ACL;
import hudson.security.AccessControlled;
import hudson.security.Permission;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.security.core.Authentication;

/**
 * Stand-in only: who is calling and what they may do, for the stand-in {@link ACL}s.
 *
 * <p>Unsecured by default, as a Jenkins without a security realm: everyone may do everything. The
 * first {@link #grant} switches to a matrix-like mode in which a permission holds when it, or a
 * permission that implies it, is granted on the object, on one of its ancestors or globally. As in
 * the matrix authorization strategy, disabled permissions (such as {@code Item.EXTENDED_READ} or
 * {@code CredentialsProvider.USE_ITEM} without their system properties) are skipped, so only what
 * implies them counts. {@link ACL#SYSTEM2} may always do everything.
 *
 * <p>The current authentication is per thread, set by {@code ACL.as2}; it defaults to {@link
 * ACL#SYSTEM2}, as on a build thread.
 */
public final class StandInSecurity {
  private static final ThreadLocal<Authentication> CURRENT = new ThreadLocal<>();
  private static final Map<String, Set<Permission>> GLOBAL = new java.util.HashMap<>();
  private static final Map<Object, Map<String, Set<Permission>>> ON_OBJECT =
      new IdentityHashMap<>();
  private static volatile boolean secured;

  private StandInSecurity() {}

  /** A user authentication for {@code ACL.as2(...)} and {@link #grant}. */
  public static Authentication user(String name) {
    return new StandInAuthentication(name);
  }

  /** Grants permissions to {@code who} everywhere, and turns security on. */
  public static synchronized void grant(Authentication who, Permission... permissions) {
    secured = true;
    GLOBAL.computeIfAbsent(who.getName(), k -> new HashSet<>()).addAll(List.of(permissions));
  }

  /** Grants permissions to {@code who} on one object and its descendants, and turns security on. */
  public static synchronized void grant(
      Authentication who, AccessControlled on, Permission... permissions) {
    secured = true;
    ON_OBJECT
        .computeIfAbsent(on, k -> new java.util.HashMap<>())
        .computeIfAbsent(who.getName(), k -> new HashSet<>())
        .addAll(List.of(permissions));
  }

  /** Back to the default: unsecured, no grants, current authentication {@link ACL#SYSTEM2}. */
  public static synchronized void reset() {
    secured = false;
    GLOBAL.clear();
    ON_OBJECT.clear();
    CURRENT.remove();
  }

  public static Authentication current() {
    Authentication a = CURRENT.get();
    return a != null ? a : ACL.SYSTEM2;
  }

  /** Sets the current thread's authentication and returns the previous one. */
  public static Authentication setCurrent(Authentication a) {
    Authentication previous = current();
    CURRENT.set(a);
    return previous;
  }

  /** The ACL a stand-in model object returns from {@code getACL()}. */
  public static ACL aclFor(Object context) {
    return ACL.lambda2((a, p) -> hasPermission(a, context, p));
  }

  public static synchronized boolean hasPermission(Authentication a, Object context, Permission p) {
    if (a.equals(ACL.SYSTEM2) || !secured) {
      return true;
    }
    List<Set<Permission>> granted = new ArrayList<>();
    for (Object o = context; o != null; o = parentOf(o)) {
      Map<String, Set<Permission>> byUser = ON_OBJECT.get(o);
      if (byUser != null && byUser.containsKey(a.getName())) {
        granted.add(byUser.get(a.getName()));
      }
    }
    granted.add(GLOBAL.getOrDefault(a.getName(), Set.of()));
    for (Permission q = p; q != null; q = q.impliedBy) {
      if (!q.getEnabled()) {
        continue;
      }
      for (Set<Permission> set : granted) {
        if (set.contains(q)) {
          return true;
        }
      }
    }
    return false;
  }

  private static Object parentOf(Object o) {
    if (o instanceof Run) {
      return ((Run<?, ?>) o).getParent();
    }
    if (o instanceof Item) {
      return ((Item) o).getParent();
    }
    return null;
  }
}
