package jenkins.model;

import hudson.ExtensionList;
import hudson.ExtensionPoint;
import hudson.model.Describable;
import hudson.model.Descriptor;

/** Compile-time stand-in for {@code GlobalConfiguration} of jenkins-core. */
public abstract class GlobalConfiguration extends Descriptor<GlobalConfiguration>
    implements ExtensionPoint, Describable<GlobalConfiguration> {
  @SuppressWarnings("unchecked")
  protected GlobalConfiguration() {
    super(self());
  }

  @Override
  public final Descriptor<GlobalConfiguration> getDescriptor() {
    return this;
  }

  public static ExtensionList<GlobalConfiguration> all() {
    return ExtensionList.lookup(GlobalConfiguration.class);
  }
}
