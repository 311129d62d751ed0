package io.konet.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A TCP proxy on a loopback port in front of a real registry, counting the bytes that clients
 * send through it: what a push costs on the wire, measured outside the product.
 */
public final class TcpProxy implements AutoCloseable {

  private final ServerSocket server;
  private final InetSocketAddress upstream;
  private final AtomicLong bytesFromClients = new AtomicLong();
  private final AtomicLong bytesToClients = new AtomicLong();
  private final List<Socket> sockets = new CopyOnWriteArrayList<>();
  private volatile boolean closed;
  private volatile long uploadBytesPerSecond;
  private long uploadClockNanos;

  private TcpProxy(ServerSocket server, InetSocketAddress upstream) {
    this.server = server;
    this.upstream = upstream;
  }

  /** Starts a proxy to {@code upstreamHostPort} (such as {@code 127.0.0.1:5000}). */
  public static TcpProxy start(String upstreamHostPort) throws IOException {
    int colon = upstreamHostPort.lastIndexOf(':');
    InetSocketAddress upstream =
        new InetSocketAddress(upstreamHostPort.substring(0, colon),
            Integer.parseInt(upstreamHostPort.substring(colon + 1)));
    ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    TcpProxy proxy = new TcpProxy(server, upstream);
    Thread acceptor = new Thread(proxy::acceptLoop, "tcp-proxy-" + server.getLocalPort());
    acceptor.setDaemon(true);
    acceptor.start();
    return proxy;
  }

  /** {@code 127.0.0.1:PORT}, to use in image references instead of the registry's own. */
  public String hostPort() {
    return "127.0.0.1:" + server.getLocalPort();
  }

  /** Bytes clients sent since the start or the last {@link #resetCounters()}. */
  public long bytesFromClients() {
    return bytesFromClients.get();
  }

  /** Bytes the registry sent back since the start or the last {@link #resetCounters()}. */
  public long bytesToClients() {
    return bytesToClients.get();
  }

  /**
   * Limits what clients send to {@code bytesPerSecond}, shared by all connections, as a network
   * link between a build machine and a registry would; 0 removes the limit.
   */
  public void limitUploads(long bytesPerSecond) {
    this.uploadBytesPerSecond = bytesPerSecond;
  }

  /** Waits until {@code bytes} more may pass the upload link. */
  private void throttle(int bytes) throws IOException {
    long rate = uploadBytesPerSecond;
    if (rate <= 0) {
      return;
    }
    long due;
    synchronized (this) {
      long now = System.nanoTime();
      uploadClockNanos = Math.max(uploadClockNanos, now) + bytes * 1_000_000_000L / rate;
      due = uploadClockNanos;
    }
    long wait = due - System.nanoTime();
    if (wait > 0) {
      try {
        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while throttling", e);
      }
    }
  }

  public void resetCounters() {
    bytesFromClients.set(0);
    bytesToClients.set(0);
  }

  private void acceptLoop() {
    while (!closed) {
      try {
        Socket client = server.accept();
        Socket registry = new Socket();
        registry.connect(upstream, 5000);
        sockets.add(client);
        sockets.add(registry);
        pump(client, registry, bytesFromClients, true);
        pump(registry, client, bytesToClients, false);
      } catch (IOException e) {
        if (closed) {
          return;
        }
      }
    }
  }

  private void pump(Socket from, Socket to, AtomicLong counter, boolean upload) {
    Thread thread =
        new Thread(
            () -> {
              byte[] buffer = new byte[64 * 1024];
              try (InputStream in = from.getInputStream()) {
                OutputStream out = to.getOutputStream();
                int read;
                while ((read = in.read(buffer)) != -1) {
                  if (upload) {
                    throttle(read);
                  }
                  out.write(buffer, 0, read);
                  counter.addAndGet(read);
                }
                to.shutdownOutput();
              } catch (IOException e) {
                closeQuietly(to);
              } finally {
                closeQuietly(from);
              }
            },
            "tcp-proxy-pump");
    thread.setDaemon(true);
    thread.start();
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException e) {
      // already closed by the other side
    }
  }

  @Override
  public void close() {
    closed = true;
    try {
      server.close();
    } catch (IOException e) {
      // nothing to release
    }
    sockets.forEach(TcpProxy::closeQuietly);
  }
}
