package hudson.model;

import hudson.FilePath;
import java.io.IOException;
import java.util.Calendar;

/** Compile-time stand-in for {@code AbstractBuild} of jenkins-core. */
public abstract class AbstractBuild<P extends AbstractProject<P, R>, R extends AbstractBuild<P, R>>
    extends Run<P, R> {
  private volatile FilePath workspace;

  protected AbstractBuild(P job) throws IOException {
    super(job);
  }

  protected AbstractBuild(P job, Calendar timestamp) {
    super(job, timestamp);
  }

  public P getProject() {
    return getParent();
  }

  public final FilePath getWorkspace() {
    return workspace;
  }

  protected void setWorkspace(FilePath ws) {
    this.workspace = ws;
  }
}
