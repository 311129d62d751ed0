package io.konet.core.build;

import io.konet.core.KonetException;
import io.konet.core.layer.LayerPackRequest;
import io.konet.core.layer.LayerPacker;
import io.konet.core.layer.PackedLayer;
import io.konet.core.layer.PackedLayers;
import io.konet.core.project.ProjectLocator;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/** The machine this process runs on, as the command line and the tests use it. */
public final class LocalBuildNode implements BuildNode {

  private final String name;
  private final Path workingDirectory;
  private final Path scratchParent;
  private final CommandRunner commands;

  /**
   * @param name the name log lines use
   * @param workingDirectory what relative project paths are resolved against
   * @param scratchParent where scratch directories are made
   */
  public LocalBuildNode(String name, Path workingDirectory, Path scratchParent,
      CommandRunner commands) {
    this.name = name;
    this.workingDirectory = workingDirectory.toAbsolutePath().normalize();
    this.scratchParent = scratchParent.toAbsolutePath().normalize();
    this.commands = commands;
  }

  /** This machine, relative paths against the current directory, scratch in the temp folder. */
  public static LocalBuildNode here() {
    return here(Set.of());
  }

  /** The same, keeping {@code withheldVariables} out of the programs it runs. */
  public static LocalBuildNode here(Set<String> withheldVariables) {
    return new LocalBuildNode(
        "local", Path.of(""), Path.of(System.getProperty("java.io.tmpdir")),
        new LocalCommandRunner(withheldVariables));
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public boolean isWindows() {
    return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
  }

  @Override
  public CommandRunner commands() {
    return commands;
  }

  @Override
  public String locateProject(String project) throws IOException, KonetException {
    return ProjectLocator.locate(workingDirectory, project).toString();
  }

  @Override
  public String createScratchDirectory() throws IOException {
    Files.createDirectories(scratchParent);
    return Files.createTempDirectory(scratchParent, "konet-").toString();
  }

  @Override
  public String resolve(String directory, String child) {
    return Path.of(directory).resolve(child).toString();
  }

  @Override
  public String parentOf(String path) {
    Path parent = Path.of(path).toAbsolutePath().getParent();
    return parent == null ? path : parent.toString();
  }

  @Override
  public PackedLayers packLayers(LayerPackRequest request) throws IOException, KonetException {
    return LayerPacker.pack(request);
  }

  @Override
  public InputStream open(PackedLayer layer) throws IOException {
    return Files.newInputStream(Path.of(layer.location()));
  }

  @Override
  public void deleteScratchDirectory(String directory) throws IOException {
    deleteTree(Path.of(directory));
  }

  /** Deletes a directory tree without following links out of it. */
  public static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }
}
