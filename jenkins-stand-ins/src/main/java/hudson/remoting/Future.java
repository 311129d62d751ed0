package hudson.remoting;

/** Compile-time stand-in for {@code Future} of remoting. */
public interface Future<V> extends java.util.concurrent.Future<V> {}
