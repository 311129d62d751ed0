package com.cloudbees.plugins.credentials;

import com.cloudbees.plugins.credentials.common.IdCredentials;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Compile-time stand-in for {@code CredentialsMatchers} of credentials. */
public class CredentialsMatchers {
  private CredentialsMatchers() {}

  public static CredentialsMatcher always() {
    return item -> true;
  }

  public static CredentialsMatcher never() {
    return item -> false;
  }

  public static CredentialsMatcher instanceOf(Class clazz) {
    return clazz::isInstance;
  }

  public static CredentialsMatcher withId(String id) {
    return item -> item instanceof IdCredentials && id.equals(((IdCredentials) item).getId());
  }

  public static CredentialsMatcher allOf(CredentialsMatcher... matchers) {
    return item -> {
      for (CredentialsMatcher m : matchers) {
        if (!m.matches(item)) {
          return false;
        }
      }
      return true;
    };
  }

  public static <C extends Credentials> List<C> filter(
      Collection<C> credentials, CredentialsMatcher matcher) {
    List<C> result = new ArrayList<>();
    for (C c : credentials) {
      if (matcher.matches(c)) {
        result.add(c);
      }
    }
    return result;
  }

  public static <C extends Credentials> C firstOrNull(
      Iterable<C> credentials, CredentialsMatcher matcher) {
    for (C c : credentials) {
      if (matcher.matches(c)) {
        return c;
      }
    }
    return null;
  }
}
