package io.jenkins.plugins.konet;

import io.konet.core.KonetException;
import java.io.Serializable;

/**
 * What an agent-side callable hands back: a value, or the one-sentence reason it could not
 * produce one (a user error such as "no project here"), kept apart from I/O failures.
 */
final class AgentOutcome<T extends Serializable> implements Serializable {

  private static final long serialVersionUID = 1L;

  private final T value;
  private final String failure;

  private AgentOutcome(T value, String failure) {
    this.value = value;
    this.failure = failure;
  }

  static <T extends Serializable> AgentOutcome<T> of(T value) {
    return new AgentOutcome<>(value, null);
  }

  static <T extends Serializable> AgentOutcome<T> failed(KonetException e) {
    return new AgentOutcome<>(null, e.getMessage());
  }

  /** The value, or the agent's reason as a {@link KonetException} on the controller. */
  T get() throws KonetException {
    if (failure != null) {
      throw new KonetException(failure);
    }
    return value;
  }
}
