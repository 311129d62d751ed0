package io.jenkins.plugins.konet.standins;

import hudson.model.ItemGroup;
import hudson.model.Job;
import hudson.model.TopLevelItem;
import jenkins.model.Jenkins;

/** Stand-in only: a concrete job for unit tests; create one with {@link #create(String)}. */
public class StandInJob extends Job<StandInJob, StandInRun> implements TopLevelItem {
  public StandInJob(ItemGroup parent, String name) {
    super(parent, name);
  }

  /** A job at the top level of the running stand-in Jenkins, registered as one of its items. */
  public static StandInJob create(String name) {
    return StandInJenkins.addItem(new StandInJob(Jenkins.get(), name));
  }
}
