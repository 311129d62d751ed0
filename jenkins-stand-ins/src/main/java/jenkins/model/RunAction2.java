package jenkins.model;

import hudson.model.Action;
import hudson.model.Run;

/** Compile-time stand-in for {@code RunAction2} of jenkins-core. */
public interface RunAction2 extends Action {
  void onAttached(Run<?, ?> r);

  void onLoad(Run<?, ?> r);
}
