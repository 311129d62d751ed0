package io.konet.core.project;

import io.konet.core.KonetException;
import io.konet.core.UserText;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Finds the project file the user means, on the machine that holds the sources. */
public final class ProjectLocator {

  private static final List<String> EXTENSIONS = List.of(".csproj", ".fsproj", ".vbproj");

  /** How much of a path a message repeats: paths run longer than other values. */
  private static final int PATH_LENGTH = 300;

  private ProjectLocator() {}

  /**
   * Resolves {@code project} against {@code workingDirectory}: a project file is taken as it is,
   * a directory must hold exactly one project file. Anything else is one clear sentence.
   */
  public static Path locate(Path workingDirectory, String project) throws KonetException {
    String text = project == null ? "" : project;
    Path path;
    try {
      path = workingDirectory.resolve(text.isBlank() ? "." : text).normalize();
    } catch (InvalidPathException e) {
      throw new KonetException("Project path '" + UserText.shown(text, PATH_LENGTH) + "' is not a valid path.",
          e);
    }
    if (Files.isDirectory(path)) {
      return onlyProjectIn(path);
    }
    if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS) && !Files.exists(path)) {
      throw new KonetException("Project path '" + UserText.shown(text, PATH_LENGTH) + "' does not exist.");
    }
    if (!isProjectFile(path) || !Files.isRegularFile(path)) {
      throw new KonetException("'" + UserText.shown(text, PATH_LENGTH)
          + "' is not a .NET project file (.csproj, .fsproj or .vbproj).");
    }
    return path;
  }

  private static Path onlyProjectIn(Path directory) throws KonetException {
    List<Path> projects;
    try (Stream<Path> children = Files.list(directory)) {
      projects = children.filter(Files::isRegularFile).filter(ProjectLocator::isProjectFile)
          .sorted().toList();
    } catch (IOException | RuntimeException e) {
      throw new KonetException(
          "Cannot read the directory " + UserText.shown(directory.toString(), PATH_LENGTH) + ".", e);
    }
    if (projects.isEmpty()) {
      throw new KonetException("No .NET project in " + UserText.shown(directory.toString(), PATH_LENGTH)
          + " (looked for *.csproj, *.fsproj, *.vbproj).");
    }
    if (projects.size() > 1) {
      String names =
          projects.stream().map(p -> p.getFileName().toString()).collect(Collectors.joining(", "));
      throw new KonetException("Several projects in " + UserText.shown(directory.toString(), PATH_LENGTH)
          + " (" + UserText.shown(names, PATH_LENGTH) + "); name the one to build.");
    }
    return projects.get(0);
  }

  private static boolean isProjectFile(Path path) {
    Path name = path.getFileName();
    String lower = name == null ? "" : name.toString().toLowerCase(Locale.ROOT);
    return EXTENSIONS.stream().anyMatch(lower::endsWith);
  }
}
