package io.jenkins.plugins.konet.standins;

import hudson.Extension;
import hudson.model.Computer;
import hudson.model.Describable;
import hudson.model.Descriptor;
import hudson.model.Node;
import hudson.model.TopLevelItem;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import jenkins.model.Jenkins;

/**
 * Stand-in only: starts and stops the stand-in {@link Jenkins} and holds its registry of
 * extensions, items, nodes and computers.
 *
 * <p>A concrete class annotated with {@link Extension} is created on first lookup, so a {@code
 * DescriptorImpl} nested in a describable class or a {@code GlobalConfiguration} need not be
 * registered by hand, as Jenkins' own discovery would have found them.
 */
public final class StandInJenkins {
  private static final List<Object> EXTENSIONS = new CopyOnWriteArrayList<>();
  private static final List<TopLevelItem> ITEMS = new CopyOnWriteArrayList<>();
  private static final List<Node> NODES = new CopyOnWriteArrayList<>();
  private static final List<Computer> COMPUTERS = new CopyOnWriteArrayList<>();

  private StandInJenkins() {}

  private static final class Instance extends Jenkins {
    Instance(File root) {
      super(root);
    }
  }

  /** Starts a stand-in Jenkins whose root directory is a new temporary directory. */
  public static Jenkins install() {
    try {
      return install(Files.createTempDirectory("stand-in-jenkins").toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Starts a stand-in Jenkins with the given root directory, replacing any running one. */
  public static Jenkins install(File root) {
    uninstall();
    return new Instance(root);
  }

  /** Stops the stand-in Jenkins and empties its registry. */
  public static void uninstall() {
    Jenkins j = Jenkins.getInstanceOrNull();
    if (j != null) {
      j.cleanUp();
    }
    EXTENSIONS.clear();
    ITEMS.clear();
    NODES.clear();
    COMPUTERS.clear();
  }

  /** Uninstalls Jenkins and resets every other stand-in hook. */
  public static void reset() {
    uninstall();
    StandInSecurity.reset();
    StandInCredentialsStore.reset();
    StandInAgent.reset();
  }

  public static <T> T register(T extension) {
    EXTENSIONS.add(extension);
    return extension;
  }

  public static <T extends TopLevelItem> T addItem(T item) {
    ITEMS.add(item);
    return item;
  }

  public static void addNode(Node node) {
    NODES.add(node);
  }

  public static void addComputer(Computer computer) {
    COMPUTERS.add(computer);
  }

  public static List<TopLevelItem> items() {
    return List.copyOf(ITEMS);
  }

  public static Node node(String name) {
    return NODES.stream().filter(n -> n.getNodeName().equals(name)).findFirst().orElse(null);
  }

  public static List<Computer> computers() {
    return List.copyOf(COMPUTERS);
  }

  /**
   * Registered extensions of a type, creating the type itself if it is a discoverable extension.
   */
  public static <T> List<T> extensions(Class<T> type) {
    List<T> found = new ArrayList<>();
    for (Object o : EXTENSIONS) {
      if (type.isInstance(o)) {
        found.add(type.cast(o));
      }
    }
    if (found.isEmpty() && isDiscoverable(type)) {
      found.add(type.cast(register(instantiate(type))));
    }
    return found;
  }

  /** The descriptor of a describable class: registered, or its nested {@code @Extension} one. */
  @SuppressWarnings("rawtypes")
  public static Descriptor descriptorFor(Class<? extends Describable> type) {
    for (Object o : EXTENSIONS) {
      if (o instanceof Descriptor && ((Descriptor) o).clazz == type) {
        return (Descriptor) o;
      }
    }
    for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
      for (Class<?> nested : c.getDeclaredClasses()) {
        if (Descriptor.class.isAssignableFrom(nested) && isDiscoverable(nested)) {
          Descriptor d = (Descriptor) instantiate(nested);
          if (d.clazz == type) {
            return (Descriptor) register(d);
          }
        }
      }
    }
    return null;
  }

  private static boolean isDiscoverable(Class<?> type) {
    return type.isAnnotationPresent(Extension.class)
        && !type.isInterface()
        && !Modifier.isAbstract(type.getModifiers());
  }

  private static Object instantiate(Class<?> type) {
    try {
      Constructor<?> c = type.getDeclaredConstructor();
      c.setAccessible(true);
      return c.newInstance();
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("Cannot create extension " + type.getName(), e);
    }
  }
}
