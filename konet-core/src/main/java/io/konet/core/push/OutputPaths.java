package io.konet.core.push;

import io.konet.core.KonetException;
import io.konet.core.UserText;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Where an output file or directory really lands, the hidden sibling it is staged in, and what to
 * tell a user when it cannot be written there.
 */
final class OutputPaths {

  /** How many characters of a path a message repeats. */
  static final int PATH_LENGTH = 300;

  private static final int MOST_LINKS = 40;

  /** Longer names are left out of a staging name, which must stay within the 255-byte limit. */
  private static final int LONGEST_NAME_KEPT = 200;

  private OutputPaths() {}

  static String shown(Path path) {
    return UserText.shown(path.toString(), PATH_LENGTH);
  }

  /**
   * What {@code path} names once links are followed, or null when nothing is there yet. Refuses,
   * with {@code failure} as the start of the sentence, a path whose own parent or whose link
   * target's parent is not a directory or takes no new entries. Reads only.
   */
  static BasicFileAttributes inspect(Path path, String failure) throws KonetException, IOException {
    checkParent(path, failure);
    BasicFileAttributes found;
    try {
      found = Files.readAttributes(path, BasicFileAttributes.class);
    } catch (NoSuchFileException e) {
      found = null;
    } catch (FileSystemException e) {
      // A link into a file fails as a bare "Not a directory"; name the file instead.
      checkParent(located(path), failure);
      throw e;
    }
    // A device or a pipe is written in place, and its link may not resolve to a path at all.
    if (found == null || found.isRegularFile() || found.isDirectory()) {
      Path target = located(path);
      if (!target.equals(path)) {
        checkParent(target, failure);
      }
    }
    return found;
  }

  /**
   * The place {@code path} stands for once links are followed: the real path of what exists, or
   * the end of a chain of links that points at nothing yet, so that writing keeps the links.
   */
  static Path located(Path path) throws IOException {
    if (Files.exists(path)) {
      return path.toRealPath();
    }
    Path place = path;
    for (int links = 0; Files.isSymbolicLink(place); links++) {
      if (links == MOST_LINKS) {
        throw new FileSystemException(path.toString(), null, "too many levels of symbolic links");
      }
      place = place.resolveSibling(Files.readSymbolicLink(place));
    }
    return place;
  }

  private static void checkParent(Path path, String failure) throws KonetException {
    Path existing = path.getParent();
    while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
      existing = existing.getParent();
    }
    if (existing == null) {
      return;
    }
    if (!Files.isDirectory(existing)) {
      throw new KonetException(failure + ": " + shown(existing) + " is not a directory.");
    }
    if (!Files.isWritable(existing)) {
      throw new KonetException(failure + ": " + shown(existing) + " is not writable.");
    }
  }

  /** Creates an empty hidden file or directory next to {@code target}, with default permissions. */
  static Path createHiddenSibling(Path target, boolean directory) throws IOException {
    String name = target.getFileName().toString();
    if (name.getBytes(StandardCharsets.UTF_8).length > LONGEST_NAME_KEPT) {
      name = "konet";
    }
    for (int attempt = 1; ; attempt++) {
      String unique = Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36);
      Path candidate = target.resolveSibling("." + name + ".konet-" + unique);
      try {
        return directory ? Files.createDirectory(candidate) : Files.createFile(candidate);
      } catch (FileAlreadyExistsException e) {
        if (attempt == 10) {
          throw e;
        }
      }
    }
  }

  /**
   * Gives {@code path} the owner, group and mode of {@code replaced}, the file or directory it is
   * about to replace, when that exists and the file system has them.
   */
  static void copyAccess(Path replaced, Path path) throws IOException {
    Set<String> views = path.getFileSystem().supportedFileAttributeViews();
    if (!views.contains("posix")) {
      return;
    }
    PosixFileAttributes from;
    try {
      from = Files.readAttributes(replaced, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    } catch (NoSuchFileException e) {
      return;
    }
    PosixFileAttributeView view =
        Files.getFileAttributeView(path, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
    // Only root may give a file away; otherwise the output belongs to whoever wrote it, as any
    // replaced file does.
    try {
      view.setOwner(from.owner());
    } catch (IOException e) {
      // Kept by the writer.
    }
    try {
      view.setGroup(from.group());
    } catch (IOException e) {
      // Kept by the writer's group.
    }
    if (views.contains("unix")) {
      // PosixFilePermission has no setuid, setgid or sticky bit; the mode has them all.
      int mode = (Integer) Files.getAttribute(replaced, "unix:mode", LinkOption.NOFOLLOW_LINKS);
      Files.setAttribute(path, "unix:mode", mode & 07777, LinkOption.NOFOLLOW_LINKS);
    } else {
      view.setPermissions(from.permissions());
    }
  }

  /** {@code e} in words, for the end of a sentence about {@code subject}. */
  static String reason(IOException e, Path subject) {
    String words;
    if (e instanceof FileAlreadyExistsException) {
      words = "a file is in the way";
    } else if (e instanceof NoSuchFileException) {
      words = "no such file or directory";
    } else if (e instanceof AccessDeniedException) {
      words = "permission denied";
    } else if (e instanceof NotDirectoryException) {
      words = "not a directory";
    } else if (e instanceof DirectoryNotEmptyException) {
      words = "the directory is not empty";
    } else if (e instanceof FileSystemException failure) {
      words = failure.getReason();
    } else {
      words = e.getMessage();
    }
    words = words == null || words.isEmpty() ? "input or output failed"
        : UserText.shown(words.substring(0, 1).toLowerCase(Locale.ROOT) + words.substring(1));
    if (e instanceof FileSystemException failure && failure.getFile() != null
        && !failure.getFile().equals(subject.toString())) {
      words += " at " + UserText.shown(failure.getFile(), PATH_LENGTH);
    }
    return words;
  }
}
