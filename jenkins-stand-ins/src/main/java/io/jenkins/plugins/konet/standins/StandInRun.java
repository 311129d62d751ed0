package io.jenkins.plugins.konet.standins;

import java.io.IOException;

/** Stand-in only: a concrete run of a {@link StandInJob}, numbered by the job. */
public class StandInRun extends hudson.model.Run<StandInJob, StandInRun> {
  public StandInRun(StandInJob job) throws IOException {
    super(job);
  }

  public StandInRun(StandInJob job, int number) {
    super(job, System.currentTimeMillis());
    this.number = number;
  }
}
