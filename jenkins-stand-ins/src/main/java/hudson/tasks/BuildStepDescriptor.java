package hudson.tasks;

import hudson.model.AbstractProject;
import hudson.model.Describable;
import hudson.model.Descriptor;

/** Compile-time stand-in for {@code BuildStepDescriptor} of jenkins-core. */
public abstract class BuildStepDescriptor<T extends BuildStep & Describable<T>>
    extends Descriptor<T> {
  protected BuildStepDescriptor(Class<? extends T> clazz) {
    super(clazz);
  }

  protected BuildStepDescriptor() {}

  @SuppressWarnings("rawtypes")
  public abstract boolean isApplicable(Class<? extends AbstractProject> jobType);
}
