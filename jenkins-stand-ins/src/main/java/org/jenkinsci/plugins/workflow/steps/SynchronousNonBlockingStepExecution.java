package org.jenkinsci.plugins.workflow.steps;

/**
 * Compile-time stand-in for {@code SynchronousNonBlockingStepExecution} of workflow-step-api.
 *
 * <p>{@link #start()} runs {@link #run()} on the calling thread and reports to the context before
 * returning false; the real class runs it on a pool thread under the caller's authentication.
 */
public abstract class SynchronousNonBlockingStepExecution<T> extends StepExecution {
  private static final long serialVersionUID = 1L;

  private transient volatile Thread executing;

  protected SynchronousNonBlockingStepExecution(StepContext context) {
    super(context);
  }

  protected abstract T run() throws Exception;

  @Override
  public final boolean start() throws Exception {
    executing = Thread.currentThread();
    try {
      getContext().onSuccess(run());
    } catch (Throwable x) {
      getContext().onFailure(x);
    } finally {
      executing = null;
    }
    return false;
  }

  @Override
  public void stop(Throwable cause) throws Exception {
    Thread t = executing;
    if (t != null) {
      t.interrupt();
    }
    super.stop(cause);
  }

  @Override
  public void onResume() {
    getContext().onFailure(new Exception("Resume after a restart is not supported"));
  }

  @Override
  public String getStatus() {
    return executing != null ? "running in thread: " + executing.getName() : "not yet scheduled";
  }
}
