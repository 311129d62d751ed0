package io.konet.core.registry;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A registry on loopback that answers each path as a test says, however wrong the answer: too
 * large, cut short, with the wrong bytes or the wrong type. The real registry never answers like
 * this, which is why it is faked here.
 *
 * <p>It speaks HTTPS with a self-signed certificate: a client allowed to use an insecure registry
 * tries HTTPS first, and the JDK's plain HTTP server would wait for a request line inside the
 * TLS handshake until the client times out, where a real registry answers at once.
 */
final class HostileRegistry implements AutoCloseable {

  /** One crafted answer to one request. */
  @FunctionalInterface
  interface Answer {
    void send(HttpExchange exchange, AtomicLong bytesSent) throws IOException;
  }

  private final HttpServer server;
  private final ExecutorService threads = Executors.newCachedThreadPool(runnable -> {
    Thread thread = new Thread(runnable, "hostile-registry");
    thread.setDaemon(true);
    return thread;
  });
  private final Map<String, Answer> answers = new ConcurrentHashMap<>();
  private final Map<String, AtomicLong> bytesSent = new ConcurrentHashMap<>();
  private final List<String> requests = new CopyOnWriteArrayList<>();

  private HostileRegistry() throws IOException {
    HttpsServer https =
        HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    https.setHttpsConfigurator(new HttpsConfigurator(SelfSignedTls.context()));
    server = https;
    server.setExecutor(threads);
    server.createContext("/", this::handle);
    server.start();
  }

  static HostileRegistry start() {
    try {
      return new HostileRegistry();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  String hostPort() {
    return "127.0.0.1:" + server.getAddress().getPort();
  }

  /** Answers GET {@code path} (such as {@code /v2/dotnet/runtime/manifests/8.0}) so. */
  HostileRegistry answer(String path, Answer answer) {
    answers.put(path, answer);
    return this;
  }

  /** Body bytes this registry managed to send for {@code path}, over every request. */
  long bytesSentFor(String path) {
    return bytesSent.getOrDefault(path, new AtomicLong()).get();
  }

  /** How often {@code path} was asked for. */
  long requestsFor(String path) {
    return requests.stream().filter(path::equals).count();
  }

  private void handle(HttpExchange exchange) {
    String path = exchange.getRequestURI().getPath();
    requests.add(path);
    Answer answer =
        path.equals("/v2/")
            ? complete("application/json", "{}".getBytes(StandardCharsets.UTF_8))
            : answers.getOrDefault(path, notFound());
    try {
      answer.send(exchange, bytesSent.computeIfAbsent(path, p -> new AtomicLong()));
    } catch (IOException e) {
      // The client hung up, which is what a refused answer should make it do.
    }
    exchange.close();
  }

  /** A whole, correct HTTP answer carrying {@code body}. */
  static Answer complete(String contentType, byte[] body) {
    return (exchange, sent) -> {
      exchange.getResponseHeaders().set("Content-Type", contentType);
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      sent.addAndGet(body.length);
    };
  }

  /** {@code size} bytes of JSON whitespace with a matching Content-Length, sent in chunks. */
  static Answer huge(String contentType, long size) {
    byte[] chunk = new byte[64 * 1024];
    Arrays.fill(chunk, (byte) ' ');
    return (exchange, sent) -> {
      exchange.getResponseHeaders().set("Content-Type", contentType);
      exchange.sendResponseHeaders(200, size);
      OutputStream body = exchange.getResponseBody();
      for (long left = size; left > 0; left -= chunk.length) {
        int length = (int) Math.min(chunk.length, left);
        body.write(chunk, 0, length);
        sent.addAndGet(length);
      }
    };
  }

  /** JSON whitespace without end (chunked, no Content-Length), until the client hangs up. */
  static Answer endless(String contentType) {
    byte[] chunk = new byte[64 * 1024];
    Arrays.fill(chunk, (byte) ' ');
    return (exchange, sent) -> {
      exchange.getResponseHeaders().set("Content-Type", contentType);
      exchange.sendResponseHeaders(200, 0);
      OutputStream body = exchange.getResponseBody();
      while (true) {
        body.write(chunk);
        sent.addAndGet(chunk.length);
      }
    };
  }

  /** Claims {@code claimedLength} bytes, sends {@code body} (fewer) and closes the connection. */
  static Answer truncated(String contentType, byte[] body, long claimedLength) {
    return (exchange, sent) -> {
      exchange.getResponseHeaders().set("Content-Type", contentType);
      exchange.sendResponseHeaders(200, claimedLength);
      exchange.getResponseBody().write(body);
      exchange.getResponseBody().flush();
      sent.addAndGet(body.length);
      throw new ConnectionCut();
    };
  }

  /** Thrown out of a handler, which makes the JDK server drop the connection mid-answer. */
  static final class ConnectionCut extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ConnectionCut() {
      super("connection cut on purpose", null, false, false);
    }
  }

  /** The registry's answer for what it does not have. */
  static Answer notFound() {
    byte[] body = "{\"errors\":[{\"code\":\"MANIFEST_UNKNOWN\",\"message\":\"unknown\"}]}"
        .getBytes(StandardCharsets.UTF_8);
    return (exchange, sent) -> {
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(404, body.length);
      exchange.getResponseBody().write(body);
    };
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }
}
