package io.konet.core.registry;

import com.google.cloud.tools.jib.api.Credential;
import com.google.cloud.tools.jib.api.CredentialRetriever;
import com.google.cloud.tools.jib.api.ImageReference;
import com.google.cloud.tools.jib.api.LogEvent;
import com.google.cloud.tools.jib.frontend.CredentialRetrieverFactory;
import io.konet.core.KonetException;
import io.konet.core.build.BuildLog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Reads credentials the way {@code docker login} stores them: {@code auths} entries, the {@code
 * credsStore} helper and per-registry {@code credHelpers}, from {@code $DOCKER_CONFIG/config.json}
 * or {@code ~/.docker/config.json}. Jib does the reading and runs the helpers.
 */
public final class DockerConfigCredentials implements CredentialSource {

  private final Path configFile;
  private final Map<String, String> environment;
  private final BuildLog log;

  public DockerConfigCredentials(Path configFile, Map<String, String> environment, BuildLog log) {
    this.configFile = configFile;
    this.environment = environment;
    this.log = log;
  }

  /** The config file Docker itself would read, given the process environment. */
  public static DockerConfigCredentials fromEnvironment(
      Map<String, String> environment, BuildLog log) {
    String directory = environment.get("DOCKER_CONFIG");
    Path file =
        directory != null && !directory.isBlank()
            ? Path.of(directory, "config.json")
            : Path.of(System.getProperty("user.home"), ".docker", "config.json");
    return new DockerConfigCredentials(file, environment, log);
  }

  @Override
  public Optional<RegistryCredential> find(String registry) throws KonetException {
    if (!Files.isRegularFile(configFile)) {
      return Optional.empty();
    }
    Consumer<LogEvent> jibLog = event -> log.detail(event.getMessage());
    CredentialRetriever retriever =
        CredentialRetrieverFactory.forImage(
                ImageReference.of(registry, "konet/credentials-lookup", null), jibLog, environment)
            .dockerConfig(configFile);
    try {
      Optional<Credential> found = retriever.retrieve();
      return found.map(
          credential ->
              new RegistryCredential(
                  credential.getUsername(), credential.getPassword(), "Docker config"));
    } catch (Exception e) {
      throw new KonetException(
          "Cannot read credentials for " + registry + " from " + configFile + ": "
              + e.getMessage() + ".",
          e);
    }
  }
}
