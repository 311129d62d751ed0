package org.jenkinsci.plugins.workflow.steps;

import java.io.Serializable;

/** Compile-time stand-in for {@code StepExecution} of workflow-step-api. */
public abstract class StepExecution implements Serializable {
  private static final long serialVersionUID = 1L;

  private StepContext context;

  @Deprecated
  protected StepExecution() {}

  protected StepExecution(StepContext context) {
    this.context = context;
  }

  public StepContext getContext() {
    if (context == null) {
      throw new IllegalStateException("no StepContext was passed to the StepExecution");
    }
    return context;
  }

  public abstract boolean start() throws Exception;

  public void stop(Throwable cause) throws Exception {
    getContext().onFailure(cause);
  }

  public void onResume() {}

  public String getStatus() {
    return null;
  }

  public boolean blocksRestart() {
    return false;
  }
}
