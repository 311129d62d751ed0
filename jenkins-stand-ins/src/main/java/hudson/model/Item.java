package hudson.model;

import hudson.security.AccessControlled;
import hudson.security.Permission;
import java.io.IOException;

/**
 * Compile-time stand-in for {@code Item} of jenkins-core.
 *
 * <p>Declares fewer abstract methods than the real interface; extend {@link AbstractItem} (or the
 * test job of the stand-ins) rather than implementing it.
 */
public interface Item extends PersistenceRoot, ModelObject, AccessControlled {
  ItemGroup<? extends Item> getParent();

  String getName();

  String getFullName();

  @Override
  String getDisplayName();

  String getFullDisplayName();

  String getUrl();

  void delete() throws IOException, InterruptedException;

  Permission CREATE = Permission.standIn(Item.class, "Create", Permission.CREATE, true);
  Permission DELETE = Permission.standIn(Item.class, "Delete", Permission.DELETE, true);
  Permission CONFIGURE = Permission.standIn(Item.class, "Configure", Permission.CONFIGURE, true);
  Permission READ = Permission.standIn(Item.class, "Read", Permission.READ, true);
  Permission DISCOVER = Permission.standIn(Item.class, "Discover", READ, true);
  Permission EXTENDED_READ =
      Permission.standIn(
          Item.class,
          "ExtendedRead",
          CONFIGURE,
          Boolean.getBoolean("hudson.security.ExtendedReadPermission"));
  Permission BUILD = Permission.standIn(Item.class, "Build", Permission.UPDATE, true);
  Permission WORKSPACE = Permission.standIn(Item.class, "Workspace", Permission.READ, true);
  Permission WIPEOUT =
      Permission.standIn(
          Item.class, "WipeOut", null, Boolean.getBoolean("hudson.security.WipeOutPermission"));
  Permission CANCEL = Permission.standIn(Item.class, "Cancel", Permission.UPDATE, true);
}
