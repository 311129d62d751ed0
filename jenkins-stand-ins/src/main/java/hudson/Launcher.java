package hudson;

import hudson.model.TaskListener;
import hudson.remoting.Channel;
import hudson.remoting.VirtualChannel;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Compile-time stand-in for {@code Launcher} of jenkins-core.
 *
 * <p>{@link LocalLauncher} really starts processes; the reversed I/O options ({@code readStdout()}
 * and friends), launcher decorators and environment filters of the real class are left out.
 */
public abstract class Launcher {
  private static final InputStream NULL_INPUT_STREAM = InputStream.nullInputStream();

  protected final TaskListener listener;
  protected final VirtualChannel channel;

  protected Launcher(TaskListener listener, VirtualChannel channel) {
    this.listener = listener;
    this.channel = channel;
  }

  protected Launcher(Launcher launcher) {
    this(launcher.listener, launcher.channel);
  }

  public VirtualChannel getChannel() {
    return channel;
  }

  public TaskListener getListener() {
    return listener;
  }

  /** Compile-time stand-in for {@code Launcher.ProcStarter}. */
  public final class ProcStarter {
    protected List<String> commands;
    protected boolean[] masks;
    private boolean quiet;
    protected FilePath pwd;
    protected OutputStream stdout = OutputStream.nullOutputStream();
    protected OutputStream stderr;
    protected InputStream stdin = NULL_INPUT_STREAM;
    protected String[] envs;

    public ProcStarter cmds(String... args) {
      return cmds(Arrays.asList(args));
    }

    public ProcStarter cmds(File program, String... args) {
      commands = new ArrayList<>(args.length + 1);
      commands.add(program.getPath());
      commands.addAll(Arrays.asList(args));
      return this;
    }

    public ProcStarter cmds(List<String> args) {
      commands = new ArrayList<>(args);
      return this;
    }

    public List<String> cmds() {
      return commands;
    }

    public ProcStarter masks(boolean... masks) {
      this.masks = masks;
      return this;
    }

    public boolean[] masks() {
      return masks;
    }

    public ProcStarter quiet(boolean quiet) {
      this.quiet = quiet;
      return this;
    }

    public boolean quiet() {
      return quiet;
    }

    public ProcStarter pwd(FilePath workDir) {
      this.pwd = workDir;
      return this;
    }

    public ProcStarter pwd(File workDir) {
      return pwd(new FilePath(workDir));
    }

    public ProcStarter pwd(String workDir) {
      return pwd(new File(workDir));
    }

    public FilePath pwd() {
      return pwd;
    }

    public ProcStarter stdout(OutputStream out) {
      this.stdout = out;
      return this;
    }

    public ProcStarter stdout(TaskListener out) {
      return stdout(out.getLogger());
    }

    public OutputStream stdout() {
      return stdout;
    }

    public ProcStarter stderr(OutputStream err) {
      this.stderr = err;
      return this;
    }

    public OutputStream stderr() {
      return stderr;
    }

    public ProcStarter stdin(InputStream in) {
      this.stdin = in;
      return this;
    }

    public InputStream stdin() {
      return stdin;
    }

    public ProcStarter envs(Map<String, String> overrides) {
      this.envs = Util.mapToEnv(overrides);
      return this;
    }

    public ProcStarter envs(String... overrides) {
      if (overrides != null) {
        for (String override : overrides) {
          if (override.indexOf('=') == -1) {
            throw new IllegalArgumentException(override);
          }
        }
      }
      this.envs = overrides;
      return this;
    }

    public String[] envs() {
      return envs != null ? envs.clone() : new String[0];
    }

    public Proc start() throws IOException {
      return launch(this);
    }

    public int join() throws IOException, InterruptedException {
      return start().join();
    }
  }

  public final ProcStarter launch() {
    return new ProcStarter();
  }

  public abstract Proc launch(ProcStarter starter) throws IOException;

  public abstract Channel launchChannel(
      String[] cmd, OutputStream out, FilePath workDir, Map<String, String> envVars)
      throws IOException, InterruptedException;

  public abstract void kill(Map<String, String> modelEnvVars)
      throws IOException, InterruptedException;

  public boolean isUnix() {
    return File.pathSeparatorChar == ':';
  }

  /** Logs {@code [dir] $ cmd args} to the listener, quoting arguments with spaces. */
  protected final void printCommandLine(String[] cmd, FilePath workDir) {
    StringBuilder line = new StringBuilder();
    if (workDir != null) {
      line.append('[').append(workDir.getName()).append("] ");
    }
    line.append('$');
    for (String c : cmd) {
      line.append(' ');
      if (c.indexOf(' ') < 0) {
        line.append(c);
      } else if (c.indexOf('"') < 0) {
        line.append('"').append(c).append('"');
      } else {
        line.append('\'').append(c).append('\'');
      }
    }
    listener.getLogger().println(line);
    listener.getLogger().flush();
  }

  protected final void maskedPrintCommandLine(List<String> cmd, boolean[] mask, FilePath workDir) {
    String[] shown = cmd.toArray(new String[0]);
    if (mask != null) {
      for (int i = 0; i < shown.length && i < mask.length; i++) {
        if (mask[i]) {
          shown[i] = "********";
        }
      }
    }
    printCommandLine(shown, workDir);
  }

  /** Compile-time stand-in for {@code Launcher.LocalLauncher}: starts real local processes. */
  public static class LocalLauncher extends Launcher {
    public LocalLauncher(TaskListener listener) {
      this(listener, FilePath.localChannel);
    }

    public LocalLauncher(TaskListener listener, VirtualChannel channel) {
      super(listener, channel);
    }

    @Override
    public Proc launch(ProcStarter ps) throws IOException {
      if (!ps.quiet) {
        maskedPrintCommandLine(ps.commands, ps.masks, ps.pwd);
      }
      EnvVars env = new EnvVars(EnvVars.masterEnvVars);
      EnvVars overrides = new EnvVars();
      if (ps.envs != null) {
        for (String e : ps.envs) {
          overrides.addLine(e);
        }
      }
      env.overrideExpandingAll(overrides);
      String[] cmd = ps.commands.stream().map(env::expand).toArray(String[]::new);
      InputStream in = ps.stdin == NULL_INPUT_STREAM ? null : ps.stdin;
      File dir = ps.pwd == null ? null : new File(ps.pwd.getRemote());
      return new Proc.LocalProc(cmd, env, in, ps.stdout, ps.stderr, dir);
    }

    @Override
    public Channel launchChannel(
        String[] cmd, OutputStream out, FilePath workDir, Map<String, String> envVars)
        throws IOException {
      throw new IOException("launchChannel is not supported by the stand-in LocalLauncher");
    }

    @Override
    public void kill(Map<String, String> modelEnvVars) {}
  }
}
