package io.jenkins.plugins.konet.standins;

import com.cloudbees.plugins.credentials.Credentials;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.common.IdCredentials;
import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import com.cloudbees.plugins.credentials.domains.DomainRequirement;
import com.cloudbees.plugins.credentials.impl.UsernamePasswordCredentialsImpl;
import hudson.model.Descriptor;
import hudson.model.Run;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Stand-in only: the credentials the stand-in {@code CredentialsProvider} serves, and a record of
 * every lookup and {@code track} call made through it.
 *
 * <p>Each record names the thread, whether it ran agent-side (inside {@code FilePath.act}) and the
 * first calling method outside the credentials and stand-in packages, so tests can assert that
 * credentials are only ever looked up on the controller.
 */
public final class StandInCredentialsStore {
  private static final List<Credentials> CREDENTIALS = new CopyOnWriteArrayList<>();
  private static final List<Lookup> LOOKUPS = new CopyOnWriteArrayList<>();
  private static final List<Track> TRACKS = new CopyOnWriteArrayList<>();

  private StandInCredentialsStore() {}

  /**
   * One lookup.
   *
   * @param method the {@code CredentialsProvider} method, e.g. {@code findCredentialById}
   * @param id the requested id, or null for listings
   * @param type the requested credentials type
   * @param context the run's externalizable id or the item's full name
   * @param domainRequirements the requirements passed in
   * @param thread the calling thread's name
   * @param agentSide whether the call came from code running agent-side
   * @param caller the calling class and method
   */
  public record Lookup(
      String method,
      String id,
      Class<?> type,
      String context,
      List<DomainRequirement> domainRequirements,
      String thread,
      boolean agentSide,
      String caller) {}

  /**
   * One {@code CredentialsProvider.track} call.
   *
   * @param run the run's externalizable id
   * @param credentialsId the tracked credentials' id, or their class name
   * @param thread the calling thread's name
   * @param agentSide whether the call came from code running agent-side
   * @param caller the calling class and method
   */
  public record Track(
      String run, String credentialsId, String thread, boolean agentSide, String caller) {}

  public static <C extends Credentials> C add(C credentials) {
    CREDENTIALS.add(credentials);
    return credentials;
  }

  /** Adds global username/password credentials. */
  public static StandardUsernamePasswordCredentials addUsernamePassword(
      String id, String username, String password) {
    try {
      return add(
          new UsernamePasswordCredentialsImpl(CredentialsScope.GLOBAL, id, "", username, password));
    } catch (Descriptor.FormException e) {
      throw new IllegalArgumentException(e);
    }
  }

  public static List<Credentials> all() {
    return List.copyOf(CREDENTIALS);
  }

  public static List<Lookup> lookups() {
    return List.copyOf(LOOKUPS);
  }

  public static List<Track> tracks() {
    return List.copyOf(TRACKS);
  }

  /** Forgets the credentials and the records. */
  public static void reset() {
    CREDENTIALS.clear();
    LOOKUPS.clear();
    TRACKS.clear();
  }

  /** Called by the stand-in {@code CredentialsProvider}. */
  public static void recordLookup(
      String method,
      String id,
      Class<?> type,
      String context,
      List<DomainRequirement> requirements) {
    LOOKUPS.add(
        new Lookup(
            method,
            id,
            type,
            context,
            requirements == null ? List.of() : new ArrayList<>(requirements),
            Thread.currentThread().getName(),
            StandInAgent.isAgentSide(),
            caller()));
  }

  /** Called by the stand-in {@code CredentialsProvider}. */
  public static void recordTrack(Run<?, ?> run, Credentials credentials) {
    String id =
        credentials instanceof IdCredentials
            ? ((IdCredentials) credentials).getId()
            : credentials.getClass().getName();
    TRACKS.add(
        new Track(
            run.getExternalizableId(),
            id,
            Thread.currentThread().getName(),
            StandInAgent.isAgentSide(),
            caller()));
  }

  private static String caller() {
    return StackWalker.getInstance()
        .walk(
            frames ->
                frames
                    .filter(
                        f ->
                            !f.getClassName().startsWith("com.cloudbees.plugins.credentials.")
                                && !f.getClassName()
                                    .equals(StandInCredentialsStore.class.getName()))
                    .findFirst()
                    .map(f -> f.getClassName() + "." + f.getMethodName())
                    .orElse("?"));
  }
}
