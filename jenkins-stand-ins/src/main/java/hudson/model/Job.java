package hudson.model;

import hudson.EnvVars;
import hudson.ExtensionPoint;
import java.io.File;
import java.io.IOException;

/** Compile-time stand-in for {@code Job} of jenkins-core. */
public abstract class Job<JobT extends Job<JobT, RunT>, RunT extends Run<JobT, RunT>>
    extends AbstractItem implements ExtensionPoint {
  protected transient volatile int nextBuildNumber = 1;

  protected Job(ItemGroup parent, String name) {
    super(parent, name);
  }

  public synchronized int assignBuildNumber() throws IOException {
    return nextBuildNumber++;
  }

  public int getNextBuildNumber() {
    return nextBuildNumber;
  }

  public File getBuildDir() {
    return new File(getRootDir(), "builds");
  }

  public EnvVars getEnvironment(Node node, TaskListener listener)
      throws IOException, InterruptedException {
    EnvVars env = new EnvVars();
    env.putAll(getCharacteristicEnvVars());
    return env;
  }

  public EnvVars getCharacteristicEnvVars() {
    EnvVars env = new EnvVars();
    env.put("JOB_NAME", getFullName());
    env.put("JOB_BASE_NAME", getName());
    return env;
  }
}
