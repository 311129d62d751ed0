package io.konet.bench;

import io.konet.core.build.CommandRunner;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/** Runs commands and adds up the time they take, to tell dotnet's time from konet's. */
final class TimedCommandRunner implements CommandRunner {

  private final CommandRunner delegate;
  private final AtomicLong nanos = new AtomicLong();

  TimedCommandRunner(CommandRunner delegate) {
    this.delegate = delegate;
  }

  @Override
  public int run(List<String> command, String workingDirectory, Map<String, String> environment,
      Consumer<String> output) throws IOException, InterruptedException {
    long start = System.nanoTime();
    try {
      return delegate.run(command, workingDirectory, environment, output);
    } finally {
      nanos.addAndGet(System.nanoTime() - start);
    }
  }

  long totalMillis() {
    return nanos.get() / 1_000_000;
  }
}
