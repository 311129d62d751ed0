package hudson.remoting;

import java.io.IOException;

/**
 * Compile-time stand-in for {@code Channel} of remoting.
 *
 * <p>Only present because {@code Launcher.launchChannel} returns it; no stand-in creates one.
 */
public class Channel implements VirtualChannel {
  protected Channel() {}

  @Override
  public <V, T extends Throwable> V call(Callable<V, T> callable) throws IOException {
    throw new IOException("stand-in Channel cannot run callables");
  }

  @Override
  public <V, T extends Throwable> Future<V> callAsync(Callable<V, T> callable) throws IOException {
    throw new IOException("stand-in Channel cannot run callables");
  }

  @Override
  public void close() {}

  @Override
  public void join() {}

  @Override
  public void join(long timeout) {}

  @Override
  public <T> T export(Class<T> type, T instance) {
    return instance;
  }

  @Override
  public void syncLocalIO() {}
}
