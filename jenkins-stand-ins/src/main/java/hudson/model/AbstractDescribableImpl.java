package hudson.model;

import jenkins.model.Jenkins;

/** Compile-time stand-in for {@code AbstractDescribableImpl} of jenkins-core. */
public abstract class AbstractDescribableImpl<T extends AbstractDescribableImpl<T>>
    implements Describable<T> {
  @Override
  @SuppressWarnings("unchecked")
  public Descriptor<T> getDescriptor() {
    return Jenkins.get().getDescriptorOrDie(getClass());
  }
}
