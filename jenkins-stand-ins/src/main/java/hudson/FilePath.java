package hudson;

import hudson.model.Computer;
import hudson.model.TaskListener;
import hudson.remoting.Callable;
import hudson.remoting.LocalChannel;
import hudson.remoting.VirtualChannel;
import io.jenkins.plugins.konet.standins.StandInAgent;
import io.jenkins.plugins.konet.standins.StandInJenkins;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import java.io.OutputStream;
import java.io.Serializable;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import jenkins.model.Jenkins;
import org.jenkinsci.remoting.RoleSensitive;
import org.jenkinsci.remoting.SerializableOnlyOverRemoting;

/**
 * Compile-time stand-in for {@code FilePath} of jenkins-core.
 *
 * <p>Every {@link #act} runs in this JVM, on the calling thread, but only after the callable has
 * made a Java serialization round trip, as it would on its way to an agent: a field that cannot be
 * serialized fails the call, and {@link StandInAgent} records what would have been sent. The result
 * makes the same round trip back. File operations work on the local file system whatever the
 * channel; {@link #copyTo(OutputStream)} closes the stream, as the real one does.
 */
public final class FilePath implements SerializableOnlyOverRemoting {
  private static final long serialVersionUID = 1L;
  private static final Pattern DRIVE = Pattern.compile("[A-Za-z]:[\\\\/].*");

  public static final LocalChannel localChannel =
      new LocalChannel(
          Executors.newCachedThreadPool(
              r -> {
                Thread t = new Thread(r, "FilePath.localPool");
                t.setDaemon(true);
                return t;
              }));

  private transient VirtualChannel channel;
  private final String remote;

  public FilePath(VirtualChannel channel, String remote) {
    this.channel = channel instanceof LocalChannel ? null : channel;
    this.remote = normalize(remote);
  }

  public FilePath(File localPath) {
    this.channel = null;
    this.remote = normalize(localPath.getPath());
  }

  public FilePath(FilePath base, String rel) {
    this.channel = base.channel;
    this.remote = normalize(resolve(base, rel));
  }

  /** Compile-time stand-in for {@code FilePath.FileCallable}. */
  public interface FileCallable<T> extends Serializable, RoleSensitive {
    T invoke(File f, VirtualChannel channel) throws IOException, InterruptedException;
  }

  public String getRemote() {
    return remote;
  }

  public String getName() {
    String r = remote;
    if (r.endsWith("/") || r.endsWith("\\")) {
      r = r.substring(0, r.length() - 1);
    }
    return r.substring(Math.max(r.lastIndexOf('/'), r.lastIndexOf('\\')) + 1);
  }

  public String getBaseName() {
    String n = getName();
    int dot = n.lastIndexOf('.');
    return dot < 0 ? n : n.substring(0, dot);
  }

  public FilePath child(String relOrAbsolute) {
    return new FilePath(this, relOrAbsolute);
  }

  public FilePath sibling(String rel) {
    FilePath parent = getParent();
    return parent == null ? null : parent.child(rel);
  }

  public FilePath getParent() {
    int i = remote.length() - 2;
    while (i >= 0 && remote.charAt(i) != '/' && remote.charAt(i) != '\\') {
      i--;
    }
    return i >= 0 ? new FilePath(channel, remote.substring(0, i + 1)) : null;
  }

  public <T> T act(FileCallable<T> callable) throws IOException, InterruptedException {
    FileCallable<T> received = roundTrip(callable, callable.getClass().getClassLoader());
    StandInAgent.record(received, isRemote());
    T result;
    StandInAgent.enter();
    try {
      result = received.invoke(new File(remote), localChannel);
    } finally {
      StandInAgent.exit();
    }
    return roundTrip(result, callable.getClass().getClassLoader());
  }

  public <V, E extends Throwable> V act(Callable<V, E> callable)
      throws IOException, InterruptedException, E {
    Callable<V, E> received = roundTrip(callable, callable.getClass().getClassLoader());
    StandInAgent.record(received, isRemote());
    V result;
    StandInAgent.enter();
    try {
      result = received.call();
    } finally {
      StandInAgent.exit();
    }
    return roundTrip(result, callable.getClass().getClassLoader());
  }

  public Launcher createLauncher(TaskListener listener) {
    return new Launcher.LocalLauncher(listener);
  }

  public boolean exists() throws IOException, InterruptedException {
    return Files.exists(path(), LinkOption.NOFOLLOW_LINKS);
  }

  public boolean isDirectory() throws IOException, InterruptedException {
    return Files.isDirectory(path());
  }

  public long length() throws IOException, InterruptedException {
    return Files.isRegularFile(path()) ? Files.size(path()) : 0L;
  }

  public void mkdirs() throws IOException, InterruptedException {
    try {
      Files.createDirectories(path());
    } catch (IOException e) {
      throw new IOException("Failed to mkdirs: " + remote, e);
    }
  }

  public boolean delete() throws IOException, InterruptedException {
    Files.deleteIfExists(path());
    return true;
  }

  public void deleteRecursive() throws IOException, InterruptedException {
    deleteTree(path(), true);
  }

  public void deleteContents() throws IOException, InterruptedException {
    deleteTree(path(), false);
  }

  public List<FilePath> list() throws IOException, InterruptedException {
    List<FilePath> children = new ArrayList<>();
    if (Files.isDirectory(path())) {
      try (Stream<Path> s = Files.list(path())) {
        s.sorted().forEach(p -> children.add(new FilePath(channel, p.toString())));
      }
    }
    return children;
  }

  public InputStream read() throws IOException, InterruptedException {
    return Files.newInputStream(path());
  }

  public String readToString() throws IOException, InterruptedException {
    return Files.readString(path(), Charset.defaultCharset());
  }

  public OutputStream write() throws IOException, InterruptedException {
    Path p = path().toAbsolutePath();
    Files.createDirectories(p.getParent());
    return Files.newOutputStream(p);
  }

  public void write(String content, String encoding) throws IOException, InterruptedException {
    Path p = path().toAbsolutePath();
    Files.createDirectories(p.getParent());
    Files.writeString(
        p, content, encoding == null ? Charset.defaultCharset() : Charset.forName(encoding));
  }

  /** Sends the file's contents into {@code os}, then closes {@code os} as the real one does. */
  public void copyTo(OutputStream os) throws IOException, InterruptedException {
    try (os) {
      Files.copy(path(), os);
    }
  }

  public FilePath createTempDir(String prefix, String suffix)
      throws IOException, InterruptedException {
    String name = prefix + "." + (suffix == null || suffix.isBlank() ? "tmp" : suffix);
    try {
      Path dir = Files.createTempDirectory(path(), name);
      return new FilePath(this, dir.getFileName().toString());
    } catch (IOException e) {
      throw new IOException("Failed to create a temp directory on " + remote, e);
    }
  }

  public VirtualChannel getChannel() {
    return channel != null ? channel : localChannel;
  }

  public boolean isRemote() {
    return channel != null;
  }

  public Computer toComputer() {
    if (Jenkins.getInstanceOrNull() != null) {
      for (Computer c : StandInJenkins.computers()) {
        if (getChannel() == c.getChannel()) {
          return c;
        }
      }
    }
    return null;
  }

  @Deprecated
  @Override
  public String toString() {
    return remote;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FilePath
        && Objects.equals(channel, ((FilePath) o).channel)
        && remote.equals(((FilePath) o).remote);
  }

  @Override
  public int hashCode() {
    return 31 * Objects.hashCode(channel) + remote.hashCode();
  }

  private Path path() {
    return new File(remote).toPath();
  }

  private static void deleteTree(Path root, boolean includingRoot) throws IOException {
    if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    List<Path> all = new ArrayList<>();
    if (Files.isDirectory(root, LinkOption.NOFOLLOW_LINKS)) {
      try (Stream<Path> s = Files.walk(root)) {
        s.sorted(Comparator.reverseOrder()).forEach(all::add);
      }
    } else {
      all.add(root);
    }
    for (Path p : all) {
      if (includingRoot || !p.equals(root)) {
        Files.deleteIfExists(p);
      }
    }
  }

  private boolean isUnix() {
    if (!isRemote()) {
      return File.pathSeparatorChar != ';';
    }
    if (remote.length() > 3 && remote.charAt(1) == ':' && remote.charAt(2) == '\\') {
      return false;
    }
    return !remote.contains("\\");
  }

  private static boolean isAbsolute(String rel) {
    return rel.startsWith("/") || rel.startsWith("\\\\") || DRIVE.matcher(rel).matches();
  }

  private static String resolve(FilePath base, String rel) {
    if (isAbsolute(rel)) {
      return rel;
    }
    return base.isUnix()
        ? base.remote + '/' + rel.replace('\\', '/')
        : base.remote + '\\' + rel.replace('/', '\\');
  }

  /** Drops empty, "." and resolvable ".." segments; keeps the separators the path used. */
  static String normalize(String path) {
    String prefix = "";
    String rest = path;
    if (rest.startsWith("\\\\")) {
      prefix = "\\\\";
    } else if (rest.length() >= 3 && DRIVE.matcher(rest).matches()) {
      prefix = rest.substring(0, 3);
    } else if (rest.startsWith("/") || rest.startsWith("\\")) {
      prefix = rest.substring(0, 1);
    }
    rest = rest.substring(prefix.length());
    Deque<String> segments = new ArrayDeque<>();
    Deque<Character> separators = new ArrayDeque<>();
    char pendingSeparator = 0;
    int start = 0;
    for (int i = 0; i <= rest.length(); i++) {
      boolean end = i == rest.length();
      char c = end ? 0 : rest.charAt(i);
      if (end || c == '/' || c == '\\') {
        String segment = rest.substring(start, i);
        if (segment.equals("..") && !segments.isEmpty() && !segments.peekLast().equals("..")) {
          segments.removeLast();
          separators.removeLast();
        } else if (segment.equals("..") && segments.isEmpty() && !prefix.isEmpty()) {
          // above the root: dropped
        } else if (!segment.isEmpty() && !segment.equals(".")) {
          segments.addLast(segment);
          separators.addLast(pendingSeparator);
        }
        if (!end) {
          pendingSeparator = c;
        }
        start = i + 1;
      }
    }
    StringBuilder out = new StringBuilder(prefix);
    boolean first = true;
    for (String segment : segments) {
      char sep = separators.removeFirst();
      if (!first) {
        out.append(sep);
      }
      out.append(segment);
      first = false;
    }
    return out.length() == 0 ? "." : out.toString();
  }

  @SuppressWarnings("unchecked")
  private static <T> T roundTrip(T value, ClassLoader loader) throws IOException {
    if (value == null) {
      return null;
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(value);
    } catch (IOException e) {
      throw new IOException(
          "Failed to serialize " + value.getClass().getName() + " for the agent", e);
    }
    try (ObjectInputStream in =
        new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray())) {
          @Override
          protected Class<?> resolveClass(ObjectStreamClass desc)
              throws IOException, ClassNotFoundException {
            try {
              return Class.forName(desc.getName(), false, loader);
            } catch (ClassNotFoundException e) {
              return super.resolveClass(desc);
            }
          }
        }) {
      return (T) in.readObject();
    } catch (ClassNotFoundException e) {
      throw new IOException("Failed to deserialize " + value.getClass().getName(), e);
    }
  }
}
