package hudson;

import hudson.model.TaskListener;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Compile-time stand-in for {@code Proc} of jenkins-core. */
public abstract class Proc {
  protected Proc() {}

  public abstract boolean isAlive() throws IOException, InterruptedException;

  public abstract void kill() throws IOException, InterruptedException;

  public abstract int join() throws IOException, InterruptedException;

  public abstract InputStream getStdout();

  public abstract InputStream getStderr();

  public abstract OutputStream getStdin();

  public final int joinWithTimeout(long timeout, TimeUnit unit, TaskListener listener)
      throws IOException, InterruptedException {
    Thread watchdog =
        new Thread(
            () -> {
              try {
                unit.sleep(timeout);
                listener.error(
                    "Timeout after " + timeout + " " + unit.toString().toLowerCase(Locale.ENGLISH));
                kill();
              } catch (InterruptedException e) {
                // the process finished first
              } catch (IOException e) {
                e.printStackTrace(listener.error("Failed to join a process"));
              }
            },
            "Proc watchdog");
    watchdog.setDaemon(true);
    watchdog.start();
    try {
      return join();
    } finally {
      watchdog.interrupt();
    }
  }

  /**
   * Compile-time stand-in for {@code Proc.LocalProc}: a process started here, its output pumped
   * into the given streams. {@code err == null} merges stderr into stdout; a null {@code in} closes
   * the process's stdin.
   */
  public static final class LocalProc extends Proc {
    private final Process process;
    private final Thread stdoutPump;
    private final Thread stderrPump;

    LocalProc(
        String[] cmd,
        Map<String, String> env,
        InputStream in,
        OutputStream out,
        OutputStream err,
        File workDir)
        throws IOException {
      if (workDir != null && !workDir.exists()) {
        throw new IOException(
            String.format(
                "Process working directory '%s' doesn't exist!", workDir.getAbsolutePath()));
      }
      ProcessBuilder pb = new ProcessBuilder(cmd).directory(workDir);
      pb.environment().clear();
      pb.environment().putAll(env);
      pb.redirectErrorStream(err == null);
      process = pb.start();
      String name = String.join(" ", cmd);
      stdoutPump = pump(name + ": stdout copier", process.getInputStream(), out);
      stderrPump =
          err == null ? null : pump(name + ": stderr copier", process.getErrorStream(), err);
      if (in == null) {
        process.getOutputStream().close();
      } else {
        pumpStdin(name + ": stdin copier", in, process.getOutputStream());
      }
    }

    private static Thread pump(String name, InputStream from, OutputStream to) {
      Thread t =
          new Thread(
              () -> {
                byte[] buf = new byte[8192];
                try (from) {
                  int n;
                  while ((n = from.read(buf)) >= 0) {
                    if (to != null) {
                      to.write(buf, 0, n);
                      to.flush();
                    }
                  }
                } catch (IOException e) {
                  // the process went away; nothing more to copy
                }
              },
              name);
      t.setDaemon(true);
      t.start();
      return t;
    }

    private static void pumpStdin(String name, InputStream from, OutputStream to) {
      Thread t =
          new Thread(
              () -> {
                try (from;
                    to) {
                  from.transferTo(to);
                } catch (IOException e) {
                  // the process stopped reading
                }
              },
              name);
      t.setDaemon(true);
      t.start();
    }

    @Override
    public boolean isAlive() {
      return process.isAlive();
    }

    @Override
    public void kill() throws InterruptedException {
      process.descendants().forEach(ProcessHandle::destroy);
      process.destroy();
      join();
    }

    @Override
    public int join() throws InterruptedException {
      try {
        int exit = process.waitFor();
        stdoutPump.join(10_000);
        if (stderrPump != null) {
          stderrPump.join(10_000);
        }
        return exit;
      } catch (InterruptedException e) {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        throw e;
      }
    }

    @Override
    public InputStream getStdout() {
      return null;
    }

    @Override
    public InputStream getStderr() {
      return null;
    }

    @Override
    public OutputStream getStdin() {
      return null;
    }
  }
}
