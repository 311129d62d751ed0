package hudson.console;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/** Compile-time stand-in for {@code hudson.console.LineTransformationOutputStream} of jenkins-core. */
public abstract class LineTransformationOutputStream extends OutputStream {

  private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();

  protected abstract void eol(byte[] b, int len) throws IOException;

  @Override
  public void write(int b) throws IOException {
    buffer.write(b);
    if (b == '\n') {
      flushLine();
    }
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    for (int i = off; i < off + len; i++) {
      write(b[i]);
    }
  }

  private void flushLine() throws IOException {
    byte[] line = buffer.toByteArray();
    buffer.reset();
    eol(line, line.length);
  }

  public void forceEol() throws IOException {
    if (buffer.size() > 0) {
      flushLine();
    }
  }

  @Override
  public void close() throws IOException {
    forceEol();
  }

  protected String trimEOL(String line) {
    int end = line.length();
    while (end > 0 && (line.charAt(end - 1) == '\r' || line.charAt(end - 1) == '\n')) {
      end--;
    }
    return line.substring(0, end);
  }
}
