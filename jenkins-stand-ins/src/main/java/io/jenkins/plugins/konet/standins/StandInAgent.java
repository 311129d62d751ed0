package io.jenkins.plugins.konet.standins;

import hudson.FilePath;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.jenkinsci.remoting.Role;
import org.jenkinsci.remoting.RoleChecker;
import org.jenkinsci.remoting.RoleSensitive;

/**
 * Stand-in only: what {@link FilePath#act} would have sent to an agent, and whether the current
 * thread is running agent-side code.
 */
public final class StandInAgent {
  private static final ThreadLocal<Integer> DEPTH = ThreadLocal.withInitial(() -> 0);
  private static final List<Sent> SENT = new ArrayList<>();

  private StandInAgent() {}

  /**
   * One callable as the agent would have received it.
   *
   * @param callable the deserialized copy that ran
   * @param roles the roles its {@code checkRoles} declared
   * @param remote whether the {@code FilePath} had a remote channel
   */
  public record Sent(Object callable, Set<Role> roles, boolean remote) {}

  /** True while the current thread runs a callable received through {@link FilePath#act}. */
  public static boolean isAgentSide() {
    return DEPTH.get() > 0;
  }

  public static synchronized List<Sent> sent() {
    return List.copyOf(SENT);
  }

  /** The sent callables of one type, in the order they ran. */
  public static synchronized <T> List<T> sent(Class<T> type) {
    List<T> matching = new ArrayList<>();
    for (Sent s : SENT) {
      if (type.isInstance(s.callable())) {
        matching.add(type.cast(s.callable()));
      }
    }
    return matching;
  }

  public static synchronized void reset() {
    SENT.clear();
  }

  /** Called by the stand-in {@link FilePath}. */
  public static void record(RoleSensitive callable, boolean remote) {
    Set<Role> roles = new java.util.LinkedHashSet<>();
    callable.checkRoles(
        new RoleChecker() {
          @Override
          public void check(RoleSensitive subject, Collection<Role> expected) {
            roles.addAll(expected);
          }
        });
    synchronized (StandInAgent.class) {
      SENT.add(new Sent(callable, Set.copyOf(roles), remote));
    }
  }

  /** Called by the stand-in {@link FilePath} around agent-side code. */
  public static void enter() {
    DEPTH.set(DEPTH.get() + 1);
  }

  /** Called by the stand-in {@link FilePath} around agent-side code. */
  public static void exit() {
    DEPTH.set(DEPTH.get() - 1);
  }
}
