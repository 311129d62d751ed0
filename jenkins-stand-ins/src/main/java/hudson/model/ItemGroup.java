package hudson.model;

import java.io.File;
import java.util.Collection;

/** Compile-time stand-in for {@code ItemGroup} of jenkins-core. */
public interface ItemGroup<T extends Item> extends PersistenceRoot, ModelObject {
  String getFullName();

  String getFullDisplayName();

  Collection<T> getItems();

  String getUrl();

  String getUrlChildPrefix();

  T getItem(String name);

  File getRootDirFor(T child);
}
