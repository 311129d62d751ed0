package hudson.model;

/** Compile-time stand-in for {@code Action} of jenkins-core. */
public interface Action extends ModelObject {
  String getIconFileName();

  @Override
  String getDisplayName();

  String getUrlName();
}
