package hudson;

import io.jenkins.plugins.konet.standins.StandInJenkins;
import java.util.AbstractList;
import java.util.List;

/**
 * Compile-time stand-in for {@code ExtensionList} of jenkins-core.
 *
 * <p>Backed by the {@link StandInJenkins} registry; a concrete {@link Extension}-annotated class
 * asked for by type and not yet registered is created on first use, as discovery would have.
 */
public class ExtensionList<T> extends AbstractList<T> {
  private final Class<T> extensionType;

  private ExtensionList(Class<T> extensionType) {
    this.extensionType = extensionType;
  }

  private List<T> current() {
    return StandInJenkins.extensions(extensionType);
  }

  @Override
  public T get(int index) {
    return current().get(index);
  }

  @Override
  public int size() {
    return current().size();
  }

  public <U extends T> U get(Class<U> type) {
    for (U u : StandInJenkins.extensions(type)) {
      if (u.getClass() == type) {
        return u;
      }
    }
    return null;
  }

  public <U extends T> U getInstance(Class<U> type) throws IllegalStateException {
    U u = get(type);
    if (u == null) {
      throw new IllegalStateException("The class " + type.getName() + " was not found");
    }
    return u;
  }

  public static <T> ExtensionList<T> lookup(Class<T> type) {
    return new ExtensionList<>(type);
  }

  public static <U> U lookupSingleton(Class<U> type) {
    ExtensionList<U> all = lookup(type);
    if (all.size() != 1) {
      throw new IllegalStateException(
          "Expected 1 instance of " + type.getName() + " but got " + all.size());
    }
    return all.get(0);
  }

  public static <U> U lookupFirst(Class<U> type) {
    ExtensionList<U> all = lookup(type);
    if (all.isEmpty()) {
      throw new IllegalStateException("Found no instances of " + type.getName());
    }
    return all.get(0);
  }
}
