package io.konet.core.registry;

import io.konet.core.KonetException;
import java.util.Optional;

/** Finds the credential to use for a registry host; empty means anonymous access. */
@FunctionalInterface
public interface CredentialSource {

  /**
   * @param registry the registry host as it appears in image references, such as {@code
   *     registry.example.com} or {@code 127.0.0.1:5000}
   */
  Optional<RegistryCredential> find(String registry) throws KonetException;

  /** No credentials for any registry. */
  static CredentialSource anonymous() {
    return registry -> Optional.empty();
  }

  /** Uses {@code credential} for {@code registry} only, and this source for every other. */
  default CredentialSource withExplicit(String registry, RegistryCredential credential) {
    CredentialSource fallback = this;
    return host -> host.equals(registry) ? Optional.of(credential) : fallback.find(host);
  }

  /** Asks this source first and {@code next} when this one has nothing. */
  default CredentialSource orElse(CredentialSource next) {
    CredentialSource first = this;
    return host -> {
      Optional<RegistryCredential> found = first.find(host);
      return found.isPresent() ? found : next.find(host);
    };
  }
}
