package io.konet.core.project;

import io.konet.core.KonetException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Finds the project file the user means, on the machine that holds the sources. */
public final class ProjectLocator {

  private static final List<String> EXTENSIONS = List.of(".csproj", ".fsproj", ".vbproj");

  private ProjectLocator() {}

  /**
   * Resolves {@code project} against {@code workingDirectory}: a project file is taken as it is,
   * a directory must hold exactly one project file.
   */
  public static Path locate(Path workingDirectory, String project)
      throws IOException, KonetException {
    Path path = workingDirectory.resolve(project.isBlank() ? "." : project).normalize();
    if (Files.isDirectory(path)) {
      return onlyProjectIn(path);
    }
    if (!Files.exists(path)) {
      throw new KonetException("Project path '" + project + "' does not exist.");
    }
    if (!isProjectFile(path)) {
      throw new KonetException(
          "'" + project + "' is not a .NET project file (.csproj, .fsproj or .vbproj).");
    }
    return path;
  }

  private static Path onlyProjectIn(Path directory) throws IOException, KonetException {
    List<Path> projects;
    try (Stream<Path> children = Files.list(directory)) {
      projects = children.filter(Files::isRegularFile).filter(ProjectLocator::isProjectFile)
          .sorted().toList();
    }
    if (projects.isEmpty()) {
      throw new KonetException(
          "No .NET project in " + directory + " (looked for *.csproj, *.fsproj, *.vbproj).");
    }
    if (projects.size() > 1) {
      String names =
          projects.stream().map(p -> p.getFileName().toString()).collect(Collectors.joining(", "));
      throw new KonetException(
          "Several projects in " + directory + " (" + names + "); name the one to build.");
    }
    return projects.get(0);
  }

  private static boolean isProjectFile(Path path) {
    String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
    return EXTENSIONS.stream().anyMatch(name::endsWith);
  }
}
