package hudson.model;

/** Compile-time stand-in for {@code BuildListener} of jenkins-core. */
public interface BuildListener extends TaskListener {}
