package io.konet.core.build;

/**
 * Where the engine's log lines go: a terminal, a Jenkins build log, a test.
 *
 * <p>Implementations must be safe to call from several threads, since publishes and uploads run
 * concurrently. Lines never contain secrets; the engine makes sure of that before calling.
 */
public interface BuildLog {

  /** A step the user cares about: publishing a RID, pushing a layer, the final digest. */
  void info(String line);

  /** Something that did not stop the build but may surprise the user. */
  default void warn(String line) {
    info("WARNING: " + line);
  }

  /** Detail shown only when the user asks for verbose output. */
  void detail(String line);

  /** A log that drops everything; for callers that have nowhere to write. */
  static BuildLog discarding() {
    return new BuildLog() {
      @Override
      public void info(String line) {}

      @Override
      public void detail(String line) {}
    };
  }
}
