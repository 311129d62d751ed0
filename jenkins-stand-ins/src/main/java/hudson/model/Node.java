package hudson.model;

import hudson.FilePath;
import hudson.remoting.VirtualChannel;
import hudson.security.ACL;
import hudson.security.AccessControlled;
import io.jenkins.plugins.konet.standins.StandInJenkins;
import io.jenkins.plugins.konet.standins.StandInSecurity;

/**
 * Compile-time stand-in for {@code Node} of jenkins-core.
 *
 * <p>The real class also extends {@code AbstractModelObject} and is {@code Describable<Node>}.
 */
public abstract class Node implements ModelObject, AccessControlled {
  public abstract String getNodeName();

  public abstract FilePath getRootPath();

  @Override
  public String getDisplayName() {
    return getNodeName();
  }

  public final VirtualChannel getChannel() {
    Computer c = toComputer();
    return c == null ? null : c.getChannel();
  }

  public final Computer toComputer() {
    for (Computer c : StandInJenkins.computers()) {
      if (c.getNode() == this) {
        return c;
      }
    }
    return null;
  }

  public FilePath createPath(String absolutePath) {
    VirtualChannel ch = getChannel();
    return ch == null ? null : new FilePath(ch, absolutePath);
  }

  @Override
  public ACL getACL() {
    return StandInSecurity.aclFor(this);
  }
}
