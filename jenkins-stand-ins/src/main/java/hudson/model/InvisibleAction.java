package hudson.model;

/** Compile-time stand-in for {@code InvisibleAction} of jenkins-core. */
public abstract class InvisibleAction implements Action {
  @Override
  public final String getIconFileName() {
    return null;
  }

  @Override
  public final String getDisplayName() {
    return null;
  }

  @Override
  public final String getUrlName() {
    return null;
  }
}
