package jenkins.tasks;

import hudson.EnvVars;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.tasks.BuildStep;
import java.io.IOException;

/** Compile-time stand-in for {@code SimpleBuildStep} of jenkins-core. */
public interface SimpleBuildStep extends BuildStep {
  @Deprecated
  default void perform(Run<?, ?> run, FilePath workspace, Launcher launcher, TaskListener listener)
      throws InterruptedException, IOException {
    perform(run, workspace, run.getEnvironment(listener), launcher, listener);
  }

  default void perform(
      Run<?, ?> run, FilePath workspace, EnvVars env, Launcher launcher, TaskListener listener)
      throws InterruptedException, IOException {
    if (!requiresWorkspace()) {
      perform(run, env, listener);
    } else if (overridesWorkspacePerformWithoutEnv()) {
      perform(run, workspace, launcher, listener);
    } else {
      throw new AbstractMethodError(
          getClass().getName() + " needs a workspace but overrides no perform(...) taking one");
    }
  }

  default void perform(Run<?, ?> run, EnvVars env, TaskListener listener)
      throws InterruptedException, IOException {
    if (requiresWorkspace()) {
      throw new IllegalStateException(getClass().getName() + " needs a workspace, none was given");
    }
    throw new AbstractMethodError(
        getClass().getName()
            + " needs no workspace but overrides no perform(Run, EnvVars, TaskListener)");
  }

  default boolean requiresWorkspace() {
    return true;
  }

  private boolean overridesWorkspacePerformWithoutEnv() {
    for (Class<?> c = getClass(); c != null; c = c.getSuperclass()) {
      try {
        c.getDeclaredMethod(
            "perform", Run.class, FilePath.class, Launcher.class, TaskListener.class);
        return true;
      } catch (NoSuchMethodException e) {
        // look further up
      }
    }
    return false;
  }
}
