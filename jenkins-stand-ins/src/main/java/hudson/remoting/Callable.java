package hudson.remoting;

import java.io.Serializable;
import org.jenkinsci.remoting.RoleSensitive;

/** Compile-time stand-in for {@code Callable} of remoting. */
public interface Callable<V, T extends Throwable> extends Serializable, RoleSensitive {
  V call() throws T;
}
