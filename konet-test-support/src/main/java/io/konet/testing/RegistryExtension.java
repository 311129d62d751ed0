package io.konet.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A {@link TestRegistry} for a JUnit 5 test class:
 *
 * <pre>{@code
 * @RegisterExtension
 * static final RegistryExtension REGISTRY = RegistryExtension.open();
 * }</pre>
 *
 * <p>On a static field the registry lives for the whole class; on an instance field, for one test.
 * Its work folder is deleted afterwards.
 */
public final class RegistryExtension
    implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {

  private final String user;
  private final String password;
  private TestRegistry registry;
  private Path workDir;
  private boolean perClass;

  private RegistryExtension(String user, String password) {
    this.user = user;
    this.password = password;
  }

  /** A registry without authentication. */
  public static RegistryExtension open() {
    return new RegistryExtension(null, null);
  }

  /** A registry that demands HTTP basic authentication with one user. */
  public static RegistryExtension withBasicAuth(String user, String password) {
    return new RegistryExtension(user, password);
  }

  public TestRegistry registry() {
    if (registry == null) {
      throw new IllegalStateException("The registry starts before the first test");
    }
    return registry;
  }

  public String hostPort() {
    return registry().hostPort();
  }

  public RegistryHttp http() {
    return registry().http();
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    perClass = true;
    start();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    stop();
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    if (!perClass) {
      start();
    }
  }

  @Override
  public void afterEach(ExtensionContext context) {
    if (!perClass) {
      stop();
    }
  }

  private void start() {
    try {
      workDir = Files.createTempDirectory("konet-registry-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    registry =
        user == null
            ? TestRegistry.start(workDir)
            : TestRegistry.startWithBasicAuth(workDir, user, password);
  }

  private void stop() {
    if (registry != null) {
      registry.close();
      registry = null;
    }
    if (workDir != null) {
      deleteRecursively(workDir);
      workDir = null;
    }
  }

  private static void deleteRecursively(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
