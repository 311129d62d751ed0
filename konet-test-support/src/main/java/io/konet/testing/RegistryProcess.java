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
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

/**
 * A {@code docker-registry serve} process on 127.0.0.1 with a configuration its caller writes,
 * for registries {@link TestRegistry} cannot configure (token mode). Ready once {@code GET /v2/}
 * answers; stopped when the JVM exits, even if a test forgets to close it.
 */
final class RegistryProcess implements AutoCloseable {

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
  private final Process process;

  private RegistryProcess(Path workDir, int port, Process process) {
    this.workDir = workDir;
    this.port = port;
    this.process = process;
  }

  /**
   * Starts a registry on a free port; {@code configForPort} gives the YAML configuration for the
   * port chosen, which it must listen on ({@code http.addr: 127.0.0.1:PORT}).
   */
  static RegistryProcess start(Path workDir, IntFunction<String> configForPort) {
    if (!Files.isExecutable(Path.of(BINARY))) {
      throw new IllegalStateException(
          BINARY + " is missing: install the Debian package docker-registry to run registry"
              + " tests.");
    }
    IllegalStateException lastFailure = null;
    for (int attempt = 0; attempt < PORT_ATTEMPTS; attempt++) {
      int port = freePort();
      try {
        return launch(workDir, port, configForPort.apply(port));
      } catch (PortTakenException e) {
        // Another process took the port between our probe and the registry's bind: try again.
        lastFailure = e;
      }
    }
    throw lastFailure;
  }

  String hostPort() {
    return "127.0.0.1:" + port;
  }

  Path logFile() {
    return workDir.resolve("registry.log");
  }

  boolean isRunning() {
    return process.isAlive();
  }

  /** Stops the registry the polite way (SIGTERM), then forcibly if it lingers. */
  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        process.waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
    RUNNING.remove(process);
  }

  private static RegistryProcess launch(Path workDir, int port, String config) {
    Path configFile = workDir.resolve("config.yml");
    Path logFile = workDir.resolve("registry.log");
    long logStart;
    Process process;
    try {
      Files.createDirectories(workDir);
      Files.writeString(configFile, config);
      logStart = Files.exists(logFile) ? Files.size(logFile) : 0;
      ProcessBuilder builder = new ProcessBuilder(BINARY, "serve", configFile.toString());
      builder.redirectErrorStream(true);
      builder.redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
      builder.redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
      process = builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException("Could not start " + BINARY, e);
    }
    RUNNING.add(process);
    RegistryProcess registry = new RegistryProcess(workDir, port, process);
    registry.awaitReady(logStart);
    return registry;
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
        close();
        throw new IllegalStateException("Interrupted while waiting for the registry", e);
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        close();
        throw new IllegalStateException("Interrupted while waiting for the registry", e);
      }
    }
    close();
    throw new IllegalStateException(
        "docker-registry did not answer GET /v2/ on " + hostPort() + " within "
            + STARTUP_TIMEOUT.toSeconds() + " s; its log:\n" + logSince(logStart));
  }

  private String logSince(long offset) {
    try {
      byte[] log = Files.readAllBytes(logFile());
      int from = (int) Math.min(offset, log.length);
      List<String> lines =
          new String(log, from, log.length - from, StandardCharsets.UTF_8).lines().toList();
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
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

  private static final class PortTakenException extends IllegalStateException {
    PortTakenException(String hostPort) {
      super("Another process took " + hostPort + " before the registry could bind it");
    }
  }
}
