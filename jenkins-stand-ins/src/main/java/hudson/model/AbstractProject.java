package hudson.model;

/** Compile-time stand-in for {@code AbstractProject} of jenkins-core. */
public abstract class AbstractProject<
        P extends AbstractProject<P, R>, R extends AbstractBuild<P, R>>
    extends Job<P, R> {
  protected AbstractProject(ItemGroup parent, String name) {
    super(parent, name);
  }
}
