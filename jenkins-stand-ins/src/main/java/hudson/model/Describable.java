package hudson.model;

/**
 * Compile-time stand-in for {@code Describable} of jenkins-core.
 *
 * <p>{@code getDescriptor()} is abstract as in the 2.479 line; newer cores make it a default
 * method, so extending {@link AbstractDescribableImpl} compiles against both.
 */
public interface Describable<T extends Describable<T>> {
  Descriptor<T> getDescriptor();
}
