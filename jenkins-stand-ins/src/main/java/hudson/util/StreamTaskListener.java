package hudson.util;

import hudson.model.TaskListener;
import java.io.Closeable;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;

/**
 * Compile-time stand-in for {@code StreamTaskListener} of jenkins-core.
 *
 * <p>The real class extends the deprecated {@code AbstractTaskListener} and is remotable.
 */
public class StreamTaskListener implements TaskListener, Closeable {
  private static final long serialVersionUID = 1L;

  private final transient PrintStream out;
  private final transient Charset charset;

  @Deprecated
  public StreamTaskListener(PrintStream out) {
    this(out, null);
  }

  @Deprecated
  public StreamTaskListener(OutputStream out) {
    this(out, null);
  }

  public StreamTaskListener(OutputStream out, Charset charset) {
    if (charset == null) {
      this.out =
          out instanceof PrintStream
              ? (PrintStream) out
              : new PrintStream(out, false, Charset.defaultCharset());
    } else {
      this.out = new PrintStream(out, false, charset);
    }
    this.charset = charset;
  }

  public static StreamTaskListener fromStdout() {
    return new StreamTaskListener(System.out, Charset.defaultCharset());
  }

  public static StreamTaskListener fromStderr() {
    return new StreamTaskListener(System.err, Charset.defaultCharset());
  }

  @Override
  public PrintStream getLogger() {
    return out;
  }

  @Override
  public Charset getCharset() {
    return charset != null ? charset : Charset.defaultCharset();
  }

  @Override
  public void close() {
    out.close();
  }
}
