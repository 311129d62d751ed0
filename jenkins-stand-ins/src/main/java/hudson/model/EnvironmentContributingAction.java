package hudson.model;

import hudson.EnvVars;

/** Compile-time stand-in for {@code EnvironmentContributingAction} of jenkins-core. */
public interface EnvironmentContributingAction extends Action {
  default void buildEnvironment(Run<?, ?> run, EnvVars env) {}

  @Deprecated
  default void buildEnvVars(AbstractBuild<?, ?> build, EnvVars env) {
    buildEnvironment(build, env);
  }
}
