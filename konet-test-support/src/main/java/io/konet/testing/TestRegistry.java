package io.konet.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.mindrot.jbcrypt.BCrypt;

/**
 * A real CNCF distribution registry (Debian's {@code docker-registry}) on 127.0.0.1, storing under
 * a work folder that the caller owns.
 *
 * <p>The process's output goes to {@code registry.log} in the work folder, never to the test
 * output. Every registry a JVM starts is stopped when the JVM exits, even if a test forgets to
 * close it.
 */
public final class TestRegistry implements AutoCloseable {

  private static final String BINARY = "/usr/bin/docker-registry";
  private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(10);
  private static final int PORT_ATTEMPTS = 5;
  private static final Set<Process> RUNNING = ConcurrentHashMap.newKeySet();

  static {
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(() -> RUNNING.forEach(Process::destroyForcibly), "konet-registry-reaper"));
  }

  private final Path workDir;
  private final int port;
  private final Optional<String> user;
  private final Optional<String> password;
  private final Path storage;
  private final String authSection;
  private Process process;

  private TestRegistry(Path workDir, int port, String user, String password, Path storage,
      String authSection) {
    this.workDir = workDir;
    this.port = port;
    this.user = Optional.ofNullable(user);
    this.password = Optional.ofNullable(password);
    this.storage = storage == null ? workDir.resolve("storage") : storage;
    this.authSection = authSection;
  }

  /** Starts an open registry (no authentication) with its storage under {@code workDir}. */
  public static TestRegistry start(Path workDir) {
    return startOnFreePort(workDir, null, null, null, null);
  }

  /** Starts a registry that demands HTTP basic authentication with one user. */
  public static TestRegistry startWithBasicAuth(Path workDir, String user, String password) {
    return startOnFreePort(workDir, user, password, null, null);
  }

  /**
   * Starts a registry over {@code storage} (another registry's, say) with {@code authSection}, a
   * whole {@code auth:} block of the configuration, such as token mode.
   */
  static TestRegistry startWithAuthSection(Path workDir, Path storage, String authSection) {
    return startOnFreePort(workDir, null, null, storage, authSection);
  }

  private static TestRegistry startOnFreePort(
      Path workDir, String user, String password, Path storage, String authSection) {
    requireBinary();
    createDirectories(workDir);
    IllegalStateException lastFailure = null;
    for (int attempt = 0; attempt < PORT_ATTEMPTS; attempt++) {
      TestRegistry registry =
          new TestRegistry(workDir, freePort(), user, password, storage, authSection);
      try {
        registry.launch();
        return registry;
      } catch (PortTakenException e) {
        // Another process took the port between our probe and the registry's bind: try again.
        lastFailure = e;
      }
    }
    throw lastFailure;
  }

  /** {@code 127.0.0.1:PORT}, as an image reference or a {@code --mirror} value names it. */
  public String hostPort() {
    return "127.0.0.1:" + port;
  }

  public int port() {
    return port;
  }

  public Path workDir() {
    return workDir;
  }

  /** The folder the registry keeps blobs and repositories in. */
  public Path storageDir() {
    return storage;
  }

  /** The registry's own log; it survives {@link #close()}. */
  public Path logFile() {
    return workDir.resolve("registry.log");
  }

  public Optional<String> user() {
    return user;
  }

  public Optional<String> password() {
    return password;
  }

  public boolean requiresAuth() {
    return user.isPresent();
  }

  /** A raw HTTP client for this registry, with its credentials if it has any. */
  public RegistryHttp http() {
    return user.isPresent()
        ? new RegistryHttp(hostPort(), user.get(), password.get())
        : new RegistryHttp(hostPort());
  }

  public synchronized boolean isRunning() {
    return process != null && process.isAlive();
  }

  /** Stops the registry the polite way (SIGTERM), then forcibly if it lingers. */
  @Override
  public synchronized void close() {
    if (process == null) {
      return;
    }
    process.destroy();
    awaitExit(Duration.ofSeconds(5));
  }

  /** Kills the registry with SIGKILL, as a crash would; for fault tests. */
  public synchronized void kill() {
    if (process == null) {
      return;
    }
    process.destroyForcibly();
    awaitExit(Duration.ofSeconds(5));
  }

  /** Starts the registry again on the same port with the same storage. */
  public synchronized void restart() {
    close();
    try {
      launch();
    } catch (PortTakenException e) {
      throw new IllegalStateException("Port " + port + " was taken while the registry was down", e);
    }
  }

  private synchronized void launch() {
    writeConfig();
    ProcessBuilder builder = new ProcessBuilder(BINARY, "serve", configFile().toString());
    builder.redirectErrorStream(true);
    builder.redirectOutput(ProcessBuilder.Redirect.appendTo(logFile().toFile()));
    builder.redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
    long logStart = logSize();
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException("Could not start " + BINARY, e);
    }
    RUNNING.add(process);
    awaitReady(logStart);
  }

  private void awaitReady(long logStart) {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(500)).build();
    HttpRequest ping =
        HttpRequest.newBuilder(URI.create("http://" + hostPort() + "/v2/"))
            .timeout(Duration.ofSeconds(2))
            .build();
    long deadline = System.nanoTime() + STARTUP_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        RUNNING.remove(process);
        String log = logSince(logStart);
        if (log.contains("address already in use")) {
          throw new PortTakenException(hostPort());
        }
        throw new IllegalStateException(
            "docker-registry exited with " + process.exitValue() + " on start; its log:\n" + log);
      }
      try {
        int status = client.send(ping, HttpResponse.BodyHandlers.discarding()).statusCode();
        if (status == 200 || status == 401) {
          return;
        }
      } catch (IOException e) {
        // Not listening yet.
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("Interrupted while waiting for the registry", e);
      }
      sleep(50);
    }
    process.destroyForcibly();
    throw new IllegalStateException(
        "docker-registry did not answer GET /v2/ on "
            + hostPort()
            + " within "
            + STARTUP_TIMEOUT.toSeconds()
            + " s; its log:\n"
            + logSince(logStart));
  }

  private void awaitExit(Duration timeout) {
    try {
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
    RUNNING.remove(process);
  }

  private Path configFile() {
    return workDir.resolve("config.yml");
  }

  private void writeConfig() {
    StringBuilder yaml = new StringBuilder();
    yaml.append("version: 0.1\n")
        .append("log:\n")
        .append("  level: info\n")
        // The info log already has a line per request; the access log would repeat it.
        .append("  accesslog:\n")
        .append("    disabled: true\n")
        .append("  fields:\n")
        .append("    service: konet-test-registry\n")
        .append("storage:\n")
        .append("  filesystem:\n")
        .append("    rootdirectory: ")
        .append(storageDir())
        .append('\n')
        .append("  delete:\n")
        .append("    enabled: true\n")
        .append("  maintenance:\n")
        .append("    uploadpurging:\n")
        .append("      enabled: false\n")
        .append("http:\n")
        .append("  addr: ")
        .append(hostPort())
        .append('\n')
        // A fixed secret keeps upload sessions valid across restart(), as in a real cluster.
        .append("  secret: konet-test-registry-secret\n")
        .append("  headers:\n")
        .append("    X-Content-Type-Options: [nosniff]\n")
        .append("health:\n")
        .append("  storagedriver:\n")
        .append("    enabled: false\n");
    if (user.isPresent()) {
      Path htpasswd = workDir.resolve("htpasswd");
      // The registry accepts bcrypt entries only.
      String hash = BCrypt.hashpw(password.get(), BCrypt.gensalt(10));
      write(htpasswd, user.get() + ":" + hash + "\n");
      yaml.append("auth:\n")
          .append("  htpasswd:\n")
          .append("    realm: konet-test-registry\n")
          .append("    path: ")
          .append(htpasswd)
          .append('\n');
    } else if (authSection != null) {
      yaml.append(authSection);
    }
    createDirectories(storageDir());
    write(configFile(), yaml.toString());
  }

  private static void requireBinary() {
    if (!Files.isExecutable(Path.of(BINARY))) {
      throw new IllegalStateException(
          BINARY
              + " is missing: install the Debian package docker-registry"
              + " (apt-get install docker-registry) to run registry tests.");
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("No free port on 127.0.0.1", e);
    }
  }

  private long logSize() {
    try {
      return Files.exists(logFile()) ? Files.size(logFile()) : 0;
    } catch (IOException e) {
      return 0;
    }
  }

  private String logSince(long offset) {
    try {
      byte[] log = Files.readAllBytes(logFile());
      int from = (int) Math.min(offset, log.length);
      String text = new String(log, from, log.length - from, StandardCharsets.UTF_8);
      List<String> lines = text.lines().toList();
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  private static void createDirectories(Path dir) {
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void write(Path file, String text) {
    try {
      Files.writeString(file, text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting for the registry", e);
    }
  }

  private static final class PortTakenException extends IllegalStateException {
    PortTakenException(String hostPort) {
      super("Another process took " + hostPort + " before the registry could bind it");
    }
  }
}
