package hudson.model;

/** Compile-time stand-in for {@code ModelObject} of jenkins-core. */
public interface ModelObject {
  String getDisplayName();
}
