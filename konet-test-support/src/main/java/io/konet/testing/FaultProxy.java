package io.konet.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * An HTTP-aware proxy in front of a real registry that injects faults on command: answers a
 * chosen status (500, 503, 429 with {@code Retry-After}...), drops the connection part way
 * through a request body, or stalls (stops reading, never answers). Requests that match no
 * rule pass through untouched. Every connection carries one request ({@code Connection: close}
 * is set on the way up), so each request is judged on its own.
 */
public final class FaultProxy implements AutoCloseable {

  /** What to do to a matching request. */
  public enum Action {
    ANSWER,
    DROP,
    STALL
  }

  /** A fault for requests of {@code method} whose path matches {@code path}. */
  public static final class Rule {
    final String method;
    final Pattern path;
    final Action action;
    final int status;
    final Map<String, String> headers;
    final long afterBytes;
    final AtomicInteger remaining;
    final AtomicInteger applied = new AtomicInteger();
    final AtomicInteger toSkip = new AtomicInteger();
    Consumer<String> onApply = request -> {};

    private Rule(String method, String path, Action action, int status,
        Map<String, String> headers, long afterBytes, int times) {
      this.method = method;
      this.path = Pattern.compile(path);
      this.action = action;
      this.status = status;
      this.headers = headers;
      this.afterBytes = afterBytes;
      this.remaining = new AtomicInteger(times);
    }

    /** How many requests this rule has hit. */
    public int applied() {
      return applied.get();
    }

    /** Lets the first {@code matches} matching requests through untouched. */
    public Rule after(int matches) {
      toSkip.set(matches);
      return this;
    }

    /** Also runs {@code hook} (with "METHOD path") each time the rule hits. */
    public Rule onApply(Consumer<String> hook) {
      this.onApply = hook;
      return this;
    }

    boolean take(String requestMethod, String requestPath) {
      if (!method.equals(requestMethod) || !path.matcher(requestPath).find()) {
        return false;
      }
      if (toSkip.getAndUpdate(left -> Math.max(0, left - 1)) > 0) {
        return false;
      }
      while (true) {
        int left = remaining.get();
        if (left == 0) {
          return false;
        }
        if (left < 0 || remaining.compareAndSet(left, left - 1)) {
          applied.incrementAndGet();
          return true;
        }
      }
    }
  }

  /** Rules that never run out. */
  public static final int ALWAYS = -1;

  private final ServerSocket server;
  private final InetSocketAddress upstream;
  private final List<Rule> rules = new CopyOnWriteArrayList<>();
  private final List<String> requests = new CopyOnWriteArrayList<>();
  private final List<Socket> sockets = new CopyOnWriteArrayList<>();
  private volatile boolean closed;

  private FaultProxy(ServerSocket server, InetSocketAddress upstream) {
    this.server = server;
    this.upstream = upstream;
  }

  public static FaultProxy start(String upstreamHostPort) throws IOException {
    int colon = upstreamHostPort.lastIndexOf(':');
    InetSocketAddress upstream =
        new InetSocketAddress(upstreamHostPort.substring(0, colon),
            Integer.parseInt(upstreamHostPort.substring(colon + 1)));
    ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    FaultProxy proxy = new FaultProxy(server, upstream);
    Thread acceptor = new Thread(proxy::acceptLoop, "fault-proxy-" + server.getLocalPort());
    acceptor.setDaemon(true);
    acceptor.start();
    return proxy;
  }

  public String hostPort() {
    return "127.0.0.1:" + server.getLocalPort();
  }

  /** Answers {@code status} (with {@code headers}) to the next {@code times} matching requests. */
  public Rule answer(int status, Map<String, String> headers, String method, String path,
      int times) {
    return add(new Rule(method, path, Action.ANSWER, status, headers, 0, times));
  }

  /** Forwards {@code afterBytes} of the body of matching requests, then cuts both connections. */
  public Rule drop(long afterBytes, String method, String path, int times) {
    return add(new Rule(method, path, Action.DROP, 0, Map.of(), afterBytes, times));
  }

  /** Reads {@code afterBytes} of matching requests, then stops reading and never answers. */
  public Rule stall(long afterBytes, String method, String path, int times) {
    return add(new Rule(method, path, Action.STALL, 0, Map.of(), afterBytes, times));
  }

  private Rule add(Rule rule) {
    rules.add(rule);
    return rule;
  }

  /** Removes every rule. */
  public void clear() {
    rules.clear();
  }

  /** Every request seen, as "METHOD path", in order. */
  public List<String> requests() {
    return List.copyOf(requests);
  }

  private void acceptLoop() {
    while (!closed) {
      try {
        Socket client = server.accept();
        sockets.add(client);
        Thread handler = new Thread(() -> handle(client), "fault-proxy-connection");
        handler.setDaemon(true);
        handler.start();
      } catch (IOException e) {
        if (closed) {
          return;
        }
      }
    }
  }

  private void handle(Socket client) {
    try {
      java.io.PushbackInputStream fromClient =
          new java.io.PushbackInputStream(client.getInputStream(), 1);
      int first = fromClient.read();
      if (first < 0) {
        close(client);
        return;
      }
      fromClient.unread(first);
      if (first < 'A' || first > 'Z') {
        // Not HTTP (a TLS handshake, say): passed through as bytes, as the registry answers it.
        passThrough(client, fromClient);
        return;
      }
      Head head = readHead(fromClient);
      if (head == null) {
        close(client);
        return;
      }
      requests.add(head.method + " " + head.path);
      Rule rule = null;
      for (Rule candidate : rules) {
        if (candidate.take(head.method, head.path)) {
          rule = candidate;
          break;
        }
      }
      if (rule != null) {
        rule.onApply.accept(head.method + " " + head.path);
      }
      if (rule != null && rule.action == Action.ANSWER) {
        drainBody(fromClient, head);
        answer(client.getOutputStream(), rule);
        close(client);
        return;
      }
      if (rule != null && rule.action == Action.STALL) {
        skip(fromClient, rule.afterBytes);
        while (!closed && !client.isClosed()) {
          Thread.sleep(100);
        }
        close(client);
        return;
      }
      Socket registry = new Socket();
      sockets.add(registry);
      registry.connect(upstream, 5000);
      OutputStream toRegistry = registry.getOutputStream();
      toRegistry.write(head.rewrittenBytes());
      Thread down = pump(registry.getInputStream(), client.getOutputStream(), Long.MAX_VALUE);
      if (rule != null && rule.action == Action.DROP) {
        copy(fromClient, toRegistry, rule.afterBytes);
        close(registry);
        close(client);
        return;
      }
      copy(fromClient, toRegistry, Long.MAX_VALUE);
      down.join();
      close(registry);
      close(client);
    } catch (IOException | InterruptedException e) {
      close(client);
    }
  }

  private void passThrough(Socket client, InputStream fromClient)
      throws IOException, InterruptedException {
    Socket registry = new Socket();
    sockets.add(registry);
    registry.connect(upstream, 5000);
    Thread down = pump(registry.getInputStream(), client.getOutputStream(), Long.MAX_VALUE);
    copy(fromClient, registry.getOutputStream(), Long.MAX_VALUE);
    registry.shutdownOutput();
    down.join();
    close(registry);
    close(client);
  }

  private Thread pump(InputStream in, OutputStream out, long limit) {
    Thread thread =
        new Thread(
            () -> {
              try {
                copy(in, out, limit);
                out.flush();
              } catch (IOException e) {
                // the other side went away
              }
            },
            "fault-proxy-pump");
    thread.setDaemon(true);
    thread.start();
    return thread;
  }

  private static void copy(InputStream in, OutputStream out, long limit) throws IOException {
    byte[] buffer = new byte[16 * 1024];
    long left = limit;
    while (left > 0) {
      int read = in.read(buffer, 0, (int) Math.min(buffer.length, left));
      if (read < 0) {
        return;
      }
      out.write(buffer, 0, read);
      left -= read;
    }
  }

  private static void skip(InputStream in, long bytes) throws IOException {
    copy(in, OutputStream.nullOutputStream(), bytes);
  }

  private static void answer(OutputStream out, Rule rule) throws IOException {
    byte[] body = ("{\"errors\":[{\"code\":\"UNAVAILABLE\",\"message\":\"fault injected by the"
        + " test proxy\"}]}").getBytes(StandardCharsets.UTF_8);
    StringBuilder response =
        new StringBuilder("HTTP/1.1 ").append(rule.status).append(' ').append(reason(rule.status))
            .append("\r\nContent-Type: application/json\r\nContent-Length: ").append(body.length)
            .append("\r\nConnection: close\r\n");
    rule.headers.forEach((name, value) -> response.append(name).append(": ").append(value)
        .append("\r\n"));
    response.append("\r\n");
    out.write(response.toString().getBytes(StandardCharsets.US_ASCII));
    out.write(body);
    out.flush();
  }

  private static String reason(int status) {
    switch (status) {
      case 429:
        return "Too Many Requests";
      case 500:
        return "Internal Server Error";
      case 502:
        return "Bad Gateway";
      case 503:
        return "Service Unavailable";
      case 504:
        return "Gateway Timeout";
      default:
        return "Fault";
    }
  }

  /** A request's first line and headers. */
  private record Head(String method, String path, List<String> lines,
      Map<String, String> headers) {

    byte[] rewrittenBytes() {
      StringBuilder text = new StringBuilder(lines.get(0)).append("\r\n");
      for (String line : lines.subList(1, lines.size())) {
        if (!line.toLowerCase(Locale.ROOT).startsWith("connection:")) {
          text.append(line).append("\r\n");
        }
      }
      text.append("Connection: close\r\n\r\n");
      return text.toString().getBytes(StandardCharsets.ISO_8859_1);
    }
  }

  private static Head readHead(InputStream in) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    int lastFour = 0;
    while (lastFour != 0x0D0A0D0A) {
      int b = in.read();
      if (b < 0) {
        return null;
      }
      bytes.write(b);
      lastFour = (lastFour << 8) | b;
      if (bytes.size() > 64 * 1024) {
        throw new IOException("request head too large");
      }
    }
    String text = bytes.toString(StandardCharsets.ISO_8859_1);
    List<String> lines = new ArrayList<>(List.of(text.split("\r\n")));
    String[] first = lines.get(0).split(" ");
    Map<String, String> headers = new LinkedHashMap<>();
    for (String line : lines.subList(1, lines.size())) {
      int colon = line.indexOf(':');
      if (colon > 0) {
        headers.put(line.substring(0, colon).strip().toLowerCase(Locale.ROOT),
            line.substring(colon + 1).strip());
      }
    }
    return new Head(first[0], first.length > 1 ? first[1] : "/", lines, headers);
  }

  /** Reads a request body to its end, by Content-Length or chunked encoding. */
  private static void drainBody(InputStream in, Head head) throws IOException {
    String length = head.headers().get("content-length");
    if (length != null) {
      skip(in, Long.parseLong(length));
      return;
    }
    if ("chunked".equalsIgnoreCase(head.headers().get("transfer-encoding"))) {
      while (true) {
        String sizeLine = readLine(in);
        long size = Long.parseLong(sizeLine.split(";")[0].strip(), 16);
        if (size == 0) {
          while (!readLine(in).isEmpty()) {
            // trailers
          }
          return;
        }
        skip(in, size);
        readLine(in);
      }
    }
  }

  private static String readLine(InputStream in) throws IOException {
    StringBuilder line = new StringBuilder();
    int b;
    while ((b = in.read()) >= 0 && b != '\n') {
      if (b != '\r') {
        line.append((char) b);
      }
    }
    return line.toString();
  }

  private static void close(Socket socket) {
    try {
      socket.close();
    } catch (IOException e) {
      // already closed
    }
  }

  @Override
  public void close() {
    closed = true;
    close0(server);
    sockets.forEach(FaultProxy::close);
  }

  private static void close0(ServerSocket socket) {
    try {
      socket.close();
    } catch (IOException e) {
      // already closed
    }
  }
}
