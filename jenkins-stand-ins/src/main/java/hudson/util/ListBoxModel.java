package hudson.util;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;

/**
 * Compile-time stand-in for {@code ListBoxModel} of jenkins-core.
 *
 * <p>The real class is also a stapler {@code HttpResponse}.
 */
public class ListBoxModel extends ArrayList<ListBoxModel.Option> {
  private static final long serialVersionUID = 1L;

  /** Compile-time stand-in for {@code ListBoxModel.Option}. */
  public static final class Option {
    public String name;
    public String value;
    public boolean selected;

    public Option(String name, String value) {
      this(name, value, false);
    }

    public Option(String name) {
      this(name, name, false);
    }

    public Option(String name, String value, boolean selected) {
      this.name = name;
      this.value = value;
      this.selected = selected;
    }

    @Override
    public String toString() {
      return name + "=" + value + (selected ? "[selected]" : "");
    }
  }

  public ListBoxModel(int initialCapacity) {
    super(initialCapacity);
  }

  public ListBoxModel() {}

  public ListBoxModel(Collection<Option> c) {
    super(c);
  }

  public ListBoxModel(Option... data) {
    super(Arrays.asList(data));
  }

  public void add(String displayName, String value) {
    add(new Option(displayName, value));
  }

  public ListBoxModel add(String nameAndValue) {
    add(nameAndValue, nameAndValue);
    return this;
  }
}
