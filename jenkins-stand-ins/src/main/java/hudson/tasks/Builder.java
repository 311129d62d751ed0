package hudson.tasks;

import hudson.ExtensionPoint;
import hudson.model.Describable;
import hudson.model.Descriptor;
import jenkins.model.Jenkins;

/** Compile-time stand-in for {@code Builder} of jenkins-core. */
public abstract class Builder extends BuildStepCompatibilityLayer
    implements Describable<Builder>, ExtensionPoint {
  @Override
  public BuildStepMonitor getRequiredMonitorService() {
    return BuildStepMonitor.NONE;
  }

  @Override
  @SuppressWarnings("unchecked")
  public Descriptor<Builder> getDescriptor() {
    return Jenkins.get().getDescriptorOrDie(getClass());
  }
}
