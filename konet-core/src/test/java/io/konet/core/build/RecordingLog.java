package io.konet.core.build;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps every log line, so tests can check what a user would read. */
public final class RecordingLog implements BuildLog {

  private final List<String> info = new CopyOnWriteArrayList<>();
  private final List<String> all = new CopyOnWriteArrayList<>();

  @Override
  public void info(String line) {
    info.add(line);
    all.add(line);
  }

  @Override
  public void detail(String line) {
    all.add(line);
  }

  /** Lines shown by default. */
  public List<String> info() {
    return info;
  }

  /** Every line, details included. */
  public List<String> all() {
    return all;
  }
}
