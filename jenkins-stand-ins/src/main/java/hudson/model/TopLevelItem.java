package hudson.model;

/**
 * Compile-time stand-in for {@code TopLevelItem} of jenkins-core.
 *
 * <p>The real interface also extends {@code ExtensionPoint} and {@code Describable<TopLevelItem>}.
 */
public interface TopLevelItem extends Item {}
