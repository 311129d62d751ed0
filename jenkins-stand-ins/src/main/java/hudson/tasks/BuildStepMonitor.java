package hudson.tasks;

/**
 * Compile-time stand-in for {@code BuildStepMonitor} of jenkins-core.
 *
 * <p>The real constants also carry an abstract {@code perform} used by freestyle builds.
 */
public enum BuildStepMonitor {
  NONE,
  STEP,
  BUILD
}
