package io.jenkins.plugins.konet;

import hudson.model.TaskListener;
import io.konet.core.build.BuildLog;
import java.io.PrintStream;

/** Writes engine log lines to the build log; details only when the step asks for verbose. */
final class ListenerLog implements BuildLog {

  private final PrintStream logger;
  private final boolean verbose;

  ListenerLog(TaskListener listener, boolean verbose) {
    this.logger = listener.getLogger();
    this.verbose = verbose;
  }

  @Override
  public void info(String line) {
    synchronized (logger) {
      logger.println("[konet] " + line);
    }
  }

  @Override
  public void detail(String line) {
    if (verbose) {
      synchronized (logger) {
        logger.println("[konet]   " + line);
      }
    }
  }
}
