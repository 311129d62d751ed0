package io.konet.core.layer;

import io.konet.core.KonetException;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Packs a publish output into layers on the machine that holds it: runs where {@code dotnet
 * publish} ran, reads each file once and writes the {@code .tar.gz} files next to it.
 */
public final class LayerPacker {

  /** The directory the application lives in, inside the image. */
  public static final String APP_DIRECTORY = "app";

  private static final boolean POSIX =
      FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

  private LayerPacker() {}

  public static PackedLayers pack(LayerPackRequest request) throws IOException, KonetException {
    Path publishDirectory = Path.of(request.publishDirectory()).toAbsolutePath().normalize();
    Path layerDirectory = Path.of(request.layerDirectory());
    Files.createDirectories(layerDirectory);
    List<LayerEntry> entries = readOutput(publishDirectory, request.assemblyName());
    Optional<PublishOutputClassifier> classifier =
        request.split()
            ? PublishOutputClassifier.read(publishDirectory, request.assemblyName())
            : Optional.empty();
    Map<LayerKind, List<LayerEntry>> entriesByKind = group(entries, classifier);
    ReproducibleLayerWriter writer =
        new ReproducibleLayerWriter(request.windows(), request.modificationTimeSeconds());
    LayerCache cache =
        request.cacheDirectory() == null
            ? null
            : new LayerCache(Path.of(request.cacheDirectory()), request.cacheMaxBytes());
    List<PackedLayer> layers = new ArrayList<>();
    for (Map.Entry<LayerKind, List<LayerEntry>> group : entriesByKind.entrySet()) {
      LayerKind kind = group.getKey();
      List<LayerEntry> layerEntries = group.getValue();
      if (cache == null) {
        layers.add(
            writer.write(kind, layerEntries, layerDirectory.resolve(kind.label() + ".tar.gz")));
        continue;
      }
      String diffId = writer.diffId(layerEntries);
      int fileCount =
          (int) layerEntries.stream().filter(LayerEntry.RegularFile.class::isInstance).count();
      Optional<PackedLayer> cached = cache.find(diffId, kind, fileCount);
      layers.add(
          cached.isPresent() ? cached.get() : cache.store(diffId, kind, layerEntries, writer));
    }
    if (cache != null) {
      cache.prune();
    }
    String appHostName =
        request.windows() ? request.assemblyName() + ".exe" : request.assemblyName();
    return new PackedLayers(
        layers,
        Files.isRegularFile(publishDirectory.resolve(appHostName)),
        Files.isRegularFile(publishDirectory.resolve(request.assemblyName() + ".dll")));
  }

  /**
   * Lists the publish output as layer entries under {@code app/}, refusing what cannot safely go
   * into an image: links that leave the output, devices, pipes and sockets.
   */
  static List<LayerEntry> readOutput(Path publishDirectory, String assemblyName)
      throws IOException, KonetException {
    if (!Files.isDirectory(publishDirectory, LinkOption.NOFOLLOW_LINKS)) {
      throw new KonetException("Publish output " + publishDirectory + " is not a directory.");
    }
    List<LayerEntry> entries = new ArrayList<>();
    List<Path> paths;
    try (Stream<Path> walk = Files.walk(publishDirectory)) {
      paths = walk.filter(path -> !path.equals(publishDirectory)).sorted().toList();
    }
    for (Path path : paths) {
      String relative = relativeName(publishDirectory, path);
      String imagePath = APP_DIRECTORY + "/" + relative;
      BasicFileAttributes attributes =
          Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      if (attributes.isSymbolicLink()) {
        entries.add(new LayerEntry.SymbolicLink(imagePath, checkedLinkTarget(publishDirectory, path)));
      } else if (attributes.isDirectory()) {
        entries.add(new LayerEntry.Directory(imagePath));
      } else if (attributes.isRegularFile()) {
        entries.add(
            new LayerEntry.RegularFile(
                imagePath, path, attributes.size(), isExecutable(path, relative, assemblyName)));
      } else {
        throw new KonetException(
            "Publish output holds '" + relative + "', which is not a file, directory or link"
                + " (a device, pipe or socket); remove it from the output.");
      }
    }
    return entries;
  }

  private static String checkedLinkTarget(Path publishDirectory, Path link)
      throws IOException, KonetException {
    Path target = Files.readSymbolicLink(link);
    String relative = relativeName(publishDirectory, link);
    Path resolved = link.getParent().resolve(target).normalize();
    if (target.isAbsolute() || !resolved.startsWith(publishDirectory)) {
      throw new KonetException(
          "Publish output holds the link '" + relative + "' pointing outside the output ("
              + target + "); only links within the output can go into an image.");
    }
    return target.toString().replace('\\', '/');
  }

  private static boolean isExecutable(Path path, String relative, String assemblyName)
      throws IOException {
    if (POSIX) {
      Set<PosixFilePermission> permissions =
          Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS);
      return permissions.contains(PosixFilePermission.OWNER_EXECUTE);
    }
    // A Windows machine keeps no exec bits; mark the programs a Linux image must run.
    return relative.equals(assemblyName) || relative.equals("createdump");
  }

  private static String relativeName(Path root, Path path) {
    return root.relativize(path).toString().replace('\\', '/');
  }

  /**
   * Splits entries into layers, each with the directories its files need, in the order layers
   * stack: runtime, dependencies, app. Empty layers are left out.
   */
  static Map<LayerKind, List<LayerEntry>> group(
      List<LayerEntry> entries, Optional<PublishOutputClassifier> classifier) {
    Map<LayerKind, TreeSet<LayerEntry>> grouped = new EnumMap<>(LayerKind.class);
    for (LayerEntry entry : entries) {
      if (entry instanceof LayerEntry.Directory) {
        continue;
      }
      String relative = entry.path().substring(APP_DIRECTORY.length() + 1);
      LayerKind kind = classifier.map(c -> c.kindOf(relative)).orElse(LayerKind.ALL);
      TreeSet<LayerEntry> layer = grouped.computeIfAbsent(kind, k -> new TreeSet<>());
      layer.add(entry);
      addParents(layer, entry.path());
    }
    LayerKind emptyDirectoriesGoTo = classifier.isPresent() ? LayerKind.APP : LayerKind.ALL;
    for (LayerEntry entry : entries) {
      if (entry instanceof LayerEntry.Directory) {
        TreeSet<LayerEntry> layer =
            grouped.computeIfAbsent(emptyDirectoriesGoTo, k -> new TreeSet<>());
        layer.add(entry);
        addParents(layer, entry.path());
      }
    }
    if (grouped.isEmpty()) {
      grouped.put(emptyDirectoriesGoTo, new TreeSet<>());
    }
    for (TreeSet<LayerEntry> layer : grouped.values()) {
      layer.add(new LayerEntry.Directory(APP_DIRECTORY));
    }
    Map<LayerKind, List<LayerEntry>> result = new EnumMap<>(LayerKind.class);
    grouped.forEach((kind, layer) -> result.put(kind, List.copyOf(layer)));
    return result;
  }

  private static void addParents(TreeSet<LayerEntry> layer, String path) {
    int slash = path.lastIndexOf('/');
    while (slash > 0) {
      path = path.substring(0, slash);
      layer.add(new LayerEntry.Directory(path));
      slash = path.lastIndexOf('/');
    }
  }
}
