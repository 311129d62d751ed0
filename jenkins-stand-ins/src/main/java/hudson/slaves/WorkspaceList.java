package hudson.slaves;

import hudson.FilePath;

/** Compile-time stand-in for {@code hudson.slaves.WorkspaceList} of jenkins-core (tempDir only). */
public class WorkspaceList {

  public static final String COMBINATOR = "@";

  public static final String TMP_DIR_SUFFIX = "tmp";

  public static FilePath tempDir(FilePath ws) {
    return ws.sibling(ws.getName() + COMBINATOR + TMP_DIR_SUFFIX);
  }
}
