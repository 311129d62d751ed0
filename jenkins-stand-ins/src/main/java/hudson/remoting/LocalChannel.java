package hudson.remoting;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Compile-time stand-in for {@code LocalChannel} of remoting. */
public class LocalChannel implements VirtualChannel {
  private final ExecutorService executor;

  public LocalChannel(ExecutorService executor) {
    this.executor = executor;
  }

  @Override
  public <V, T extends Throwable> V call(Callable<V, T> callable) throws T {
    return callable.call();
  }

  @Override
  public <V, T extends Throwable> Future<V> callAsync(Callable<V, T> callable) {
    FutureTask<V> task =
        new FutureTask<>(
            () -> {
              try {
                return callable.call();
              } catch (Exception | Error e) {
                throw e;
              } catch (Throwable t) {
                throw new ExecutionException(t);
              }
            });
    executor.execute(task);
    return new Future<V>() {
      @Override
      public boolean cancel(boolean mayInterruptIfRunning) {
        return task.cancel(mayInterruptIfRunning);
      }

      @Override
      public boolean isCancelled() {
        return task.isCancelled();
      }

      @Override
      public boolean isDone() {
        return task.isDone();
      }

      @Override
      public V get() throws InterruptedException, ExecutionException {
        return task.get();
      }

      @Override
      public V get(long timeout, TimeUnit unit)
          throws InterruptedException, ExecutionException, TimeoutException {
        return task.get(timeout, unit);
      }
    };
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
