package io.jenkins.plugins.konet;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import com.cloudbees.plugins.credentials.domains.URIRequirementBuilder;
import hudson.AbortException;
import hudson.model.Run;
import io.konet.core.registry.CredentialSource;
import io.konet.core.registry.RegistryCredential;
import java.util.Optional;
import java.util.Set;

/**
 * Registry credentials from the Jenkins credential store, looked up on the controller with the
 * build's permissions. The password goes into a {@link RegistryCredential}, which cannot be
 * serialized, so it cannot travel to an agent; it is never logged.
 */
final class JenkinsCredentials {

  private JenkinsCredentials() {}

  /**
   * @param targetRegistry the registry pushed to, which gets {@code credentialsId}
   * @param credentialsId username/password credentials for the target, or null for anonymous
   * @param baseCredentialsId credentials for the registries base images come from, or null for
   *     anonymous
   * @param baseRegistries those registries; no other registry ever gets a credential
   */
  static CredentialSource forPush(
      Run<?, ?> run,
      String targetRegistry,
      String credentialsId,
      String baseCredentialsId,
      Set<String> baseRegistries)
      throws AbortException {
    Optional<RegistryCredential> target = lookUp(run, credentialsId, targetRegistry);
    Optional<RegistryCredential> base = lookUp(run, baseCredentialsId, null);
    return registry -> {
      if (registry.equals(targetRegistry)) {
        return target;
      }
      return baseRegistries.contains(registry) ? base : Optional.empty();
    };
  }

  private static Optional<RegistryCredential> lookUp(Run<?, ?> run, String id, String registry)
      throws AbortException {
    if (id == null || id.isBlank()) {
      return Optional.empty();
    }
    StandardUsernamePasswordCredentials credentials =
        registry == null
            ? CredentialsProvider.findCredentialById(
                id, StandardUsernamePasswordCredentials.class, run)
            : CredentialsProvider.findCredentialById(
                id, StandardUsernamePasswordCredentials.class, run,
                URIRequirementBuilder.fromUri("https://" + registry).build());
    if (credentials == null) {
      throw new AbortException(
          "No username/password credentials with id '" + id + "' are available to this build.");
    }
    CredentialsProvider.track(run, credentials);
    return Optional.of(
        new RegistryCredential(
            credentials.getUsername(),
            credentials.getPassword().getPlainText(),
            "Jenkins credentials '" + id + "'"));
  }
}
