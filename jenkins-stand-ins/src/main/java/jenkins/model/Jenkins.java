package jenkins.model;

import hudson.ExtensionList;
import hudson.FilePath;
import hudson.model.Computer;
import hudson.model.Describable;
import hudson.model.Descriptor;
import hudson.model.ItemGroup;
import hudson.model.Node;
import hudson.model.TopLevelItem;
import hudson.security.ACL;
import hudson.security.Permission;
import io.jenkins.plugins.konet.standins.StandInAuthentication;
import io.jenkins.plugins.konet.standins.StandInJenkins;
import io.jenkins.plugins.konet.standins.StandInSecurity;
import java.io.File;
import java.util.Collection;
import org.springframework.security.core.Authentication;

/**
 * Compile-time stand-in for {@code Jenkins} of jenkins-core.
 *
 * <p>Started and stopped by {@link StandInJenkins}; extensions, descriptors, items and computers
 * come from its registry. The real class extends {@code AbstractCIBase} and has a constructor
 * taking a servlet context.
 */
public class Jenkins extends Node implements ItemGroup<TopLevelItem> {
  public static final Permission ADMINISTER = Permission.HUDSON_ADMINISTER;
  public static final Permission MANAGE =
      Permission.standIn("hudson.model.Hudson.Manage", "Manage", ADMINISTER, true);
  public static final Permission SYSTEM_READ =
      Permission.standIn("hudson.model.Hudson.SystemRead", "SystemRead", ADMINISTER, false);
  public static final Permission READ =
      Permission.standIn("hudson.model.Hudson.Read", "Read", Permission.READ, true);
  public static final Authentication ANONYMOUS2 = new StandInAuthentication(ACL.ANONYMOUS_USERNAME);

  private static volatile Jenkins theInstance;

  private final File root;

  protected Jenkins(File root) {
    this.root = root;
    theInstance = this;
  }

  public static Jenkins get() throws IllegalStateException {
    Jenkins instance = theInstance;
    if (instance == null) {
      throw new IllegalStateException(
          "Jenkins.instance is missing. Read the documentation of Jenkins.getInstanceOrNull to"
              + " see what you are doing wrong.");
    }
    return instance;
  }

  public static Jenkins getInstanceOrNull() {
    return theInstance;
  }

  @Deprecated
  public static Jenkins getInstance() {
    return get();
  }

  public static Authentication getAuthentication2() {
    return StandInSecurity.current();
  }

  public void cleanUp() {
    if (theInstance == this) {
      theInstance = null;
    }
  }

  @Override
  public String getNodeName() {
    return "";
  }

  @Override
  public FilePath getRootPath() {
    return new FilePath(root);
  }

  @Override
  public File getRootDir() {
    return root;
  }

  @Override
  public void save() {}

  @Override
  public String getDisplayName() {
    return "Jenkins";
  }

  @Override
  public String getFullName() {
    return "";
  }

  @Override
  public String getFullDisplayName() {
    return "";
  }

  @Override
  public String getUrl() {
    return "";
  }

  @Override
  public String getUrlChildPrefix() {
    return "job";
  }

  @Override
  public Collection<TopLevelItem> getItems() {
    return StandInJenkins.items();
  }

  @Override
  public TopLevelItem getItem(String name) {
    for (TopLevelItem item : StandInJenkins.items()) {
      if (item.getName().equals(name)) {
        return item;
      }
    }
    return null;
  }

  public <T extends hudson.model.Item> T getItemByFullName(String fullName, Class<T> type) {
    for (TopLevelItem item : StandInJenkins.items()) {
      if (item.getFullName().equals(fullName) && type.isInstance(item)) {
        return type.cast(item);
      }
    }
    return null;
  }

  @Override
  public File getRootDirFor(TopLevelItem child) {
    return new File(new File(root, "jobs"), child.getName());
  }

  public Node getNode(String name) {
    if (name == null || name.isEmpty() || name.equals("built-in")) {
      return this;
    }
    return StandInJenkins.node(name);
  }

  public Computer[] getComputers() {
    return StandInJenkins.computers().toArray(new Computer[0]);
  }

  public <T> ExtensionList<T> getExtensionList(Class<T> extensionType) {
    return ExtensionList.lookup(extensionType);
  }

  @SuppressWarnings("rawtypes")
  public Descriptor getDescriptor(Class<? extends Describable> type) {
    return StandInJenkins.descriptorFor(type);
  }

  @SuppressWarnings("rawtypes")
  public Descriptor getDescriptorOrDie(Class<? extends Describable> type) {
    Descriptor d = StandInJenkins.descriptorFor(type);
    if (d == null) {
      throw new AssertionError(type + " is missing its descriptor");
    }
    return d;
  }

  @SuppressWarnings("rawtypes")
  public <T extends Descriptor> T getDescriptorByType(Class<T> type) {
    for (T d : ExtensionList.lookup(type)) {
      if (d.getClass() == type) {
        return d;
      }
    }
    return null;
  }
}
