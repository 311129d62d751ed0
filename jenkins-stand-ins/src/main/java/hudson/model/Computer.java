package hudson.model;

import hudson.remoting.VirtualChannel;
import hudson.security.ACL;
import hudson.security.AccessControlled;
import io.jenkins.plugins.konet.standins.StandInSecurity;

/**
 * Compile-time stand-in for {@code Computer} of jenkins-core.
 *
 * <p>{@link #currentComputer()} always answers null: no stand-in thread runs on an executor.
 */
public abstract class Computer extends Actionable implements AccessControlled {
  private final Node node;

  public Computer(Node node) {
    this.node = node;
  }

  public abstract VirtualChannel getChannel();

  public Node getNode() {
    return node;
  }

  public String getName() {
    return node == null ? "" : node.getNodeName();
  }

  @Override
  public String getDisplayName() {
    return getName();
  }

  public static Computer currentComputer() {
    return null;
  }

  @Override
  public ACL getACL() {
    return StandInSecurity.aclFor(this);
  }
}
