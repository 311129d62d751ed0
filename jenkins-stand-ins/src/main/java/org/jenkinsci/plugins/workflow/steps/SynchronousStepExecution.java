package org.jenkinsci.plugins.workflow.steps;

/** Compile-time stand-in for {@code SynchronousStepExecution} of workflow-step-api. */
public abstract class SynchronousStepExecution<T> extends StepExecution {
  private static final long serialVersionUID = 1L;

  private transient volatile Thread executing;

  protected SynchronousStepExecution(StepContext context) {
    super(context);
  }

  protected abstract T run() throws Exception;

  @Override
  public final boolean start() throws Exception {
    executing = Thread.currentThread();
    try {
      getContext().onSuccess(run());
    } catch (Throwable t) {
      getContext().onFailure(t);
    } finally {
      executing = null;
    }
    return true;
  }

  @Override
  public void stop(Throwable cause) throws Exception {
    Thread t = executing;
    if (t != null) {
      t.interrupt();
    }
  }
}
