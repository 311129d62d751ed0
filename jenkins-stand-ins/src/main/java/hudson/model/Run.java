package hudson.model;

import hudson.EnvVars;
import hudson.ExtensionPoint;
import hudson.security.ACL;
import hudson.security.AccessControlled;
import java.io.File;
import java.io.IOException;
import java.util.Calendar;
import jenkins.model.RunAction2;

/**
 * Compile-time stand-in for {@code Run} of jenkins-core.
 *
 * <p>{@link #getEnvironment(TaskListener)} holds the job's characteristic variables, {@code
 * BUILD_NUMBER}, {@code BUILD_ID}, {@code BUILD_TAG} and what the run's {@link
 * EnvironmentContributingAction}s add; it does not inherit the controller's environment.
 */
public abstract class Run<JobT extends Job<JobT, RunT>, RunT extends Run<JobT, RunT>>
    extends Actionable
    implements ExtensionPoint, Comparable<RunT>, AccessControlled, PersistenceRoot {
  protected final transient JobT project;
  public transient int number;
  protected long timestamp;
  protected volatile Result result;

  protected Run(JobT job) throws IOException {
    this(job, System.currentTimeMillis());
    this.number = project.assignBuildNumber();
  }

  protected Run(JobT job, Calendar timestamp) {
    this(job, timestamp.getTimeInMillis());
  }

  protected Run(JobT job, long timestamp) {
    this.project = job;
    this.timestamp = timestamp;
  }

  public JobT getParent() {
    return project;
  }

  public int getNumber() {
    return number;
  }

  public String getId() {
    return Integer.toString(number);
  }

  @Override
  public File getRootDir() {
    return new File(project.getBuildDir(), Integer.toString(number));
  }

  public String getExternalizableId() {
    return project.getFullName() + "#" + getNumber();
  }

  public String getFullDisplayName() {
    return project.getFullDisplayName() + ' ' + getDisplayName();
  }

  @Override
  public String getDisplayName() {
    return "#" + number;
  }

  public final long getTimeInMillis() {
    return timestamp;
  }

  public Result getResult() {
    return result;
  }

  public void setResult(Result r) {
    if (result == null || r.isWorseThan(result)) {
      result = r;
    }
  }

  @Override
  public void addAction(Action a) {
    super.addAction(a);
    if (a instanceof RunAction2) {
      ((RunAction2) a).onAttached(this);
    }
  }

  public EnvVars getEnvironment(TaskListener listener) throws IOException, InterruptedException {
    EnvVars env = getParent().getEnvironment(null, listener);
    env.putAll(getCharacteristicEnvVars());
    for (EnvironmentContributingAction a : getActions(EnvironmentContributingAction.class)) {
      a.buildEnvironment(this, env);
    }
    return env;
  }

  public final EnvVars getCharacteristicEnvVars() {
    EnvVars env = getParent().getCharacteristicEnvVars();
    env.put("BUILD_NUMBER", String.valueOf(number));
    env.put("BUILD_ID", getId());
    env.put("BUILD_TAG", "jenkins-" + getParent().getFullName().replace('/', '-') + "-" + number);
    return env;
  }

  @Override
  public ACL getACL() {
    return getParent().getACL();
  }

  @Override
  public synchronized void save() {}

  @Override
  public int compareTo(RunT that) {
    int res = this.number - that.number;
    return res != 0 ? res : getParent().getFullName().compareTo(that.getParent().getFullName());
  }

  @Override
  public String toString() {
    return project.getFullName() + " #" + number;
  }
}
