package io.konet.testing;

import java.util.List;

/**
 * One request a {@link TokenServer} answered; never holds a password.
 *
 * @param user the user of the basic credentials, or empty for an anonymous request
 * @param service the {@code service} asked for
 * @param scopesAsked every scope asked, as {@code repository:NAME:ACTIONS}
 * @param scopesGranted the scopes the token grants, in the same form, with only the actions the
 *     policy allows; scopes with no allowed action are left out
 * @param status the HTTP status answered: 200 with a token, 401 for bad or missing credentials,
 *     400 for a malformed request
 */
public record TokenRequest(
    String user, String service, List<String> scopesAsked, List<String> scopesGranted,
    int status) {

  public TokenRequest {
    scopesAsked = List.copyOf(scopesAsked);
    scopesGranted = List.copyOf(scopesGranted);
  }

  public boolean anonymous() {
    return user.isEmpty();
  }

  /** Whether the server gave a token. */
  public boolean succeeded() {
    return status == 200;
  }
}
