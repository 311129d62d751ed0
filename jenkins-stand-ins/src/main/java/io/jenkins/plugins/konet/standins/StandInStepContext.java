package io.jenkins.plugins.konet.standins;

import com.google.common.util.concurrent.Futures;
import com.google.common.util.concurrent.ListenableFuture;
import hudson.model.Result;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jenkinsci.plugins.workflow.steps.StepContext;

/**
 * Stand-in only: a {@link StepContext} that serves the objects it was given and remembers how the
 * step ended.
 */
public class StandInStepContext extends StepContext {
  private static final long serialVersionUID = 1L;

  private final transient Map<Class<?>, Object> objects = new LinkedHashMap<>();
  private final transient CountDownLatch done = new CountDownLatch(1);
  private transient volatile Object value;
  private transient volatile Throwable failure;
  private transient volatile Result result;

  /** Makes {@code object} available to {@code get(type)} and to its supertypes. */
  public <T> StandInStepContext with(Class<T> type, T object) {
    objects.put(type, object);
    return this;
  }

  @Override
  public <T> T get(Class<T> key) {
    Object exact = objects.get(key);
    if (exact != null) {
      return key.cast(exact);
    }
    for (Object o : objects.values()) {
      if (key.isInstance(o)) {
        return key.cast(o);
      }
    }
    return null;
  }

  @Override
  public void onSuccess(Object result) {
    value = result;
    done.countDown();
  }

  @Override
  public void onFailure(Throwable t) {
    failure = t;
    done.countDown();
  }

  @Override
  public boolean isReady() {
    return true;
  }

  @Override
  public ListenableFuture<Void> saveState() {
    return Futures.immediateFuture(null);
  }

  @Override
  public void setResult(Result r) {
    if (result == null || r.isWorseThan(result)) {
      result = r;
    }
  }

  public Result getResult() {
    return result;
  }

  public boolean isDone() {
    return done.getCount() == 0;
  }

  /** Waits for the step to end; returns its value or throws its failure. */
  public Object await(long timeout, TimeUnit unit)
      throws InterruptedException, ExecutionException, TimeoutException {
    if (!done.await(timeout, unit)) {
      throw new TimeoutException("the step did not finish in " + timeout + " " + unit);
    }
    if (failure != null) {
      throw new ExecutionException(failure);
    }
    return value;
  }

  @Override
  public boolean equals(Object o) {
    return this == o;
  }

  @Override
  public int hashCode() {
    return System.identityHashCode(this);
  }
}
