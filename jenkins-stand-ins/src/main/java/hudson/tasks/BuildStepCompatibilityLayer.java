package hudson.tasks;

import hudson.AbortException;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.AbstractBuild;
import hudson.model.AbstractProject;
import hudson.model.Action;
import hudson.model.BuildListener;
import java.io.IOException;
import java.util.Collection;
import java.util.Collections;
import jenkins.tasks.SimpleBuildStep;

/**
 * Compile-time stand-in for {@code BuildStepCompatibilityLayer} of jenkins-core.
 *
 * <p>The pre-1.150 {@code Build}/{@code Project} overloads are left out.
 */
@Deprecated
public abstract class BuildStepCompatibilityLayer implements BuildStep {
  @Override
  public boolean prebuild(AbstractBuild<?, ?> build, BuildListener listener) {
    return true;
  }

  @Override
  public boolean perform(AbstractBuild<?, ?> build, Launcher launcher, BuildListener listener)
      throws InterruptedException, IOException {
    if (this instanceof SimpleBuildStep) {
      FilePath workspace = build.getWorkspace();
      if (workspace == null) {
        throw new AbortException("no workspace for " + build);
      }
      ((SimpleBuildStep) this)
          .perform(build, workspace, build.getEnvironment(listener), launcher, listener);
    }
    return true;
  }

  @Override
  public Action getProjectAction(AbstractProject<?, ?> project) {
    return null;
  }

  @Override
  public Collection<? extends Action> getProjectActions(AbstractProject<?, ?> project) {
    Action a = getProjectAction(project);
    return a == null ? Collections.emptyList() : Collections.singletonList(a);
  }
}
