package hudson.model;

/**
 * Compile-time stand-in for {@code Descriptor} of jenkins-core.
 *
 * <p>{@link #load()} and {@link #save()} do nothing: nothing is persisted.
 */
public abstract class Descriptor<T extends Describable<T>> implements Saveable {
  public final transient Class<? extends T> clazz;

  @SuppressWarnings({"unchecked", "rawtypes"})
  protected Descriptor(Class<? extends T> clazz) {
    if (clazz == self()) {
      clazz = (Class) getClass();
    }
    this.clazz = clazz;
  }

  @SuppressWarnings("unchecked")
  protected Descriptor() {
    this.clazz = (Class<T>) getClass().getEnclosingClass();
    if (clazz == null) {
      throw new AssertionError(
          getClass() + " doesn't have an outer class. Use the constructor that takes the Class.");
    }
  }

  public String getDisplayName() {
    return clazz.getSimpleName();
  }

  public String getId() {
    return clazz.getName();
  }

  public synchronized void load() {}

  @Override
  public synchronized void save() {}

  @SuppressWarnings("rawtypes")
  protected static Class self() {
    return Self.class;
  }

  private static final class Self {}

  /** Compile-time stand-in for {@code Descriptor.FormException}. */
  public static final class FormException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String formField;

    public FormException(String message, String formField) {
      super(message);
      this.formField = formField;
    }

    public FormException(String message, Throwable cause, String formField) {
      super(message, cause);
      this.formField = formField;
    }

    public FormException(Throwable cause, String formField) {
      super(cause);
      this.formField = formField;
    }

    public String getFormField() {
      return formField;
    }
  }
}
