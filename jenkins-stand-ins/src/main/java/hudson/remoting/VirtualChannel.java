package hudson.remoting;

import java.io.IOException;

/** Compile-time stand-in for {@code VirtualChannel} of remoting. */
public interface VirtualChannel {
  <V, T extends Throwable> V call(Callable<V, T> callable)
      throws IOException, T, InterruptedException;

  <V, T extends Throwable> Future<V> callAsync(Callable<V, T> callable) throws IOException;

  void close() throws IOException;

  void join() throws InterruptedException;

  void join(long timeout) throws InterruptedException;

  <T> T export(Class<T> type, T instance);

  void syncLocalIO() throws InterruptedException;
}
