package hudson.model;

import java.io.IOException;

/** Compile-time stand-in for {@code Saveable} of jenkins-core. */
public interface Saveable {
  void save() throws IOException;
}
