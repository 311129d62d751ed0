package hudson.model;

import hudson.security.ACL;
import io.jenkins.plugins.konet.standins.StandInSecurity;
import java.io.File;

/** Compile-time stand-in for {@code AbstractItem} of jenkins-core. */
public abstract class AbstractItem extends Actionable implements Item {
  private transient ItemGroup<?> parent;
  protected transient String name;

  protected AbstractItem(ItemGroup parent, String name) {
    this.parent = parent;
    this.name = name;
  }

  @Override
  public String getName() {
    return name;
  }

  @Override
  public String getDisplayName() {
    return getName();
  }

  @Override
  @SuppressWarnings("rawtypes")
  public ItemGroup getParent() {
    return parent;
  }

  @Override
  public String getFullName() {
    String prefix = parent == null ? "" : parent.getFullName();
    return prefix.isEmpty() ? getName() : prefix + '/' + getName();
  }

  @Override
  public String getFullDisplayName() {
    String prefix = parent == null ? "" : parent.getFullDisplayName();
    return prefix.isEmpty() ? getDisplayName() : prefix + " » " + getDisplayName();
  }

  @Override
  public String getUrl() {
    String prefix = parent == null ? "" : parent.getUrl();
    return prefix + "job/" + getName() + '/';
  }

  @Override
  @SuppressWarnings("unchecked")
  public File getRootDir() {
    return ((ItemGroup<Item>) parent).getRootDirFor(this);
  }

  @Override
  public ACL getACL() {
    return StandInSecurity.aclFor(this);
  }

  @Override
  public synchronized void save() {}

  @Override
  public void delete() {}

  @Override
  public String toString() {
    return getClass().getSimpleName() + '[' + getFullName() + ']';
  }
}
