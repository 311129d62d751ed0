package hudson.model;

import java.io.File;

/** Compile-time stand-in for {@code PersistenceRoot} of jenkins-core. */
public interface PersistenceRoot extends Saveable {
  File getRootDir();
}
