package hudson.model;

import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.jenkinsci.remoting.SerializableOnlyOverRemoting;

/** Compile-time stand-in for {@code TaskListener} of jenkins-core. */
public interface TaskListener extends SerializableOnlyOverRemoting {
  PrintStream getLogger();

  default Charset getCharset() {
    return StandardCharsets.UTF_8;
  }

  default PrintWriter error(String msg) {
    return prefixed("ERROR: ", msg);
  }

  default PrintWriter error(String format, Object... args) {
    return error(String.format(format, args));
  }

  default PrintWriter fatalError(String msg) {
    return prefixed("FATAL: ", msg);
  }

  default PrintWriter fatalError(String format, Object... args) {
    return fatalError(String.format(format, args));
  }

  private PrintWriter prefixed(String prefix, String msg) {
    PrintStream out = getLogger();
    out.print(prefix);
    out.println(msg);
    return new PrintWriter(new OutputStreamWriter(out, getCharset()), true);
  }

  TaskListener NULL = new NullTaskListener();
}
