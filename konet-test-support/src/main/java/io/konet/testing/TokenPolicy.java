package io.konet.testing;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Who may log in to a {@link TokenServer} and what each may do to which repositories:
 *
 * <pre>{@code
 * TokenPolicy policy = TokenPolicy.builder()
 *     .user("builder", "builder-secret")
 *     .allow("builder", "dotnet/*", "pull")
 *     .allow("builder", "apps/*", "pull", "push")
 *     .allowAnonymous("dotnet/*", "pull")
 *     .build();
 * }</pre>
 *
 * <p>In a repository pattern {@code *} stands for any characters, slashes included. Anonymous
 * requests get a token only when the policy allows anonymous access to something, as a registry
 * that serves public images does; otherwise they are refused as a private registry refuses them.
 */
public final class TokenPolicy {

  private final Map<String, byte[]> passwords;
  private final Map<String, List<Grant>> grants;

  private TokenPolicy(Map<String, byte[]> passwords, Map<String, List<Grant>> grants) {
    this.passwords = Map.copyOf(passwords);
    Map<String, List<Grant>> copy = new HashMap<>();
    grants.forEach((principal, list) -> copy.put(principal, List.copyOf(list)));
    this.grants = Map.copyOf(copy);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Whether {@code user} exists and {@code password} is theirs. */
  boolean authenticates(String user, String password) {
    byte[] expected = passwords.get(user);
    // Compared in constant time, as a real token service would.
    return expected != null
        && MessageDigest.isEqual(expected, password.getBytes(StandardCharsets.UTF_8));
  }

  boolean allowsAnonymous() {
    return grants.containsKey(Builder.ANONYMOUS);
  }

  /**
   * The actions of {@code asked} that {@code user} may take on {@code repository}, in the order
   * they were asked; empty when none.
   *
   * @param user the user, or empty for an anonymous request
   */
  List<String> granted(Optional<String> user, String repository, List<String> asked) {
    Set<String> allowed = new LinkedHashSet<>();
    for (Grant grant : grants.getOrDefault(user.orElse(Builder.ANONYMOUS), List.of())) {
      if (grant.repositories().matcher(repository).matches()) {
        allowed.addAll(grant.actions());
      }
    }
    return asked.stream().filter(allowed::contains).distinct().toList();
  }

  private record Grant(Pattern repositories, Set<String> actions) {}

  /** Collects users and grants. */
  public static final class Builder {

    /** Not a valid user name in HTTP basic authentication, so it cannot clash with one. */
    private static final String ANONYMOUS = ":anonymous";

    private final Map<String, byte[]> passwords = new HashMap<>();
    private final Map<String, List<Grant>> grants = new HashMap<>();

    private Builder() {}

    public Builder user(String name, String password) {
      if (name.isEmpty() || name.contains(":")) {
        throw new IllegalArgumentException("A user name must be non-empty and without ':'");
      }
      passwords.put(name, password.getBytes(StandardCharsets.UTF_8));
      return this;
    }

    /** Lets {@code user} take {@code actions} (pull, push, delete) on matching repositories. */
    public Builder allow(String user, String repositoryPattern, String... actions) {
      if (!passwords.containsKey(user)) {
        throw new IllegalArgumentException("Declare user '" + user + "' before granting to it");
      }
      return add(user, repositoryPattern, actions);
    }

    /** Lets requests without credentials take {@code actions} on matching repositories. */
    public Builder allowAnonymous(String repositoryPattern, String... actions) {
      return add(ANONYMOUS, repositoryPattern, actions);
    }

    public TokenPolicy build() {
      return new TokenPolicy(passwords, grants);
    }

    private Builder add(String principal, String repositoryPattern, String... actions) {
      String[] literals = repositoryPattern.split("\\*", -1);
      StringBuilder regex = new StringBuilder(Pattern.quote(literals[0]));
      for (int i = 1; i < literals.length; i++) {
        regex.append(".*").append(Pattern.quote(literals[i]));
      }
      grants
          .computeIfAbsent(principal, key -> new ArrayList<>())
          .add(new Grant(Pattern.compile(regex.toString()), Set.of(actions)));
      return this;
    }
  }
}
