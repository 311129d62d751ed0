package org.jenkinsci.plugins.workflow.steps;

import hudson.ExtensionList;
import hudson.model.Descriptor;
import java.util.Collections;
import java.util.Set;

/**
 * Compile-time stand-in for {@code StepDescriptor} of workflow-step-api.
 *
 * <p>Leaves out the structs-based {@code newInstance(Map)}, {@code defineArguments} and {@code
 * singleArgument}.
 */
public abstract class StepDescriptor extends Descriptor<Step> {
  protected StepDescriptor() {}

  protected StepDescriptor(Class<? extends Step> clazz) {
    super(clazz);
  }

  public abstract Set<? extends Class<?>> getRequiredContext();

  public Set<? extends Class<?>> getProvidedContext() {
    return Collections.emptySet();
  }

  public abstract String getFunctionName();

  public boolean takesImplicitBlockArgument() {
    return false;
  }

  public boolean isAdvanced() {
    return false;
  }

  public static ExtensionList<StepDescriptor> all() {
    return ExtensionList.lookup(StepDescriptor.class);
  }
}
