package io.konet.core.registry;

import com.google.cloud.tools.jib.api.Credential;
import java.util.Objects;

/**
 * A user name and password (or token) for one registry.
 *
 * <p>Deliberately not {@link java.io.Serializable}: credentials stay in the process that looked
 * them up (the Jenkins controller) and can never be sent to a build agent by accident. {@link
 * #toString()} never shows the password; Jib's own {@link Credential} prints it, so it is made
 * only at the moment a registry client needs it and never logged.
 */
public final class RegistryCredential {

  private final String username;
  private final String password;
  private final String origin;

  /**
   * @param origin where the credential came from, for messages ("credentials 'registry'",
   *     "Docker config")
   */
  public RegistryCredential(String username, String password, String origin) {
    this.username = Objects.requireNonNull(username, "username");
    this.password = Objects.requireNonNull(password, "password");
    this.origin = Objects.requireNonNull(origin, "origin");
  }

  public String username() {
    return username;
  }

  /** Where the credential came from. */
  public String origin() {
    return origin;
  }

  /** The password, only for code that must send it; never for messages or logs. */
  public String password() {
    return password;
  }

  /** Whether this is an OAuth2 refresh token, as Docker config identity tokens are. */
  public boolean isToken() {
    return Credential.OAUTH2_TOKEN_USER_NAME.equals(username);
  }

  Credential toJib() {
    return Credential.from(username, password);
  }

  /** The user as messages show it; a token shows as its origin. */
  public String describeUser() {
    return isToken() ? "a token from " + origin : "user '" + username + "'";
  }

  @Override
  public String toString() {
    return "RegistryCredential[" + describeUser() + ", password hidden]";
  }
}
