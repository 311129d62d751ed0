package hudson;

/** Compile-time stand-in for {@code ExtensionPoint} of jenkins-core. */
public interface ExtensionPoint {}
