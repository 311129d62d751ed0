package io.konet.cli;

import io.konet.core.build.BuildLog;
import java.io.PrintWriter;

/** Prints log lines to the terminal's error stream; details only when verbose. */
final class ConsoleLog implements BuildLog {

  private final PrintWriter err;
  private final boolean verbose;

  ConsoleLog(PrintWriter err, boolean verbose) {
    this.err = err;
    this.verbose = verbose;
  }

  @Override
  public synchronized void info(String line) {
    err.println(line);
    err.flush();
  }

  @Override
  public synchronized void detail(String line) {
    if (verbose) {
      err.println("  " + line);
      err.flush();
    }
  }
}
