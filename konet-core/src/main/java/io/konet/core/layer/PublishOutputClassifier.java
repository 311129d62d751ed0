package io.konet.core.layer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/**
 * Sorts the files of a publish output into runtime, dependencies and app, by reading the
 * application's {@code .deps.json}: assets of {@code runtimepack} libraries are the runtime,
 * assets of {@code package} libraries are dependencies, and everything the file does not list
 * (the app's own assemblies, the apphost, configuration, {@code wwwroot}) is the app.
 */
public final class PublishOutputClassifier {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Map<String, LayerKind> kindByPath;

  private PublishOutputClassifier(Map<String, LayerKind> kindByPath) {
    this.kindByPath = kindByPath;
  }

  /**
   * Reads {@code <assemblyName>.deps.json} in {@code publishDirectory}; empty when there is none,
   * as for single-file and native AOT output, which cannot be split.
   */
  public static Optional<PublishOutputClassifier> read(Path publishDirectory, String assemblyName)
      throws IOException {
    Path depsFile = publishDirectory.resolve(assemblyName + ".deps.json");
    if (!Files.isRegularFile(depsFile)) {
      return Optional.empty();
    }
    JsonNode deps;
    try {
      deps = JSON.readTree(depsFile.toFile());
    } catch (IOException e) {
      throw new IOException("Cannot read " + depsFile.getFileName() + ": " + e.getMessage(), e);
    }
    return Optional.of(new PublishOutputClassifier(classify(deps)));
  }

  /** The layer a file belongs in, by its path relative to the publish directory. */
  public LayerKind kindOf(String relativePath) {
    return kindByPath.getOrDefault(relativePath, LayerKind.APP);
  }

  private static Map<String, LayerKind> classify(JsonNode deps) {
    Map<String, LayerKind> kinds = new HashMap<>();
    String target = deps.path("runtimeTarget").path("name").asText("");
    JsonNode libraries = deps.path("libraries");
    JsonNode targetLibraries = deps.path("targets").path(target);
    Iterator<Map.Entry<String, JsonNode>> entries = targetLibraries.fields();
    while (entries.hasNext()) {
      Map.Entry<String, JsonNode> library = entries.next();
      String type = libraries.path(library.getKey()).path("type").asText("");
      LayerKind kind = kindOfLibraryType(type);
      if (kind == LayerKind.APP) {
        continue;
      }
      JsonNode assets = library.getValue();
      addFlattened(kinds, assets.path("runtime"), kind);
      addFlattened(kinds, assets.path("native"), kind);
      addResources(kinds, assets.path("resources"), kind);
      addAsListed(kinds, assets.path("runtimeTargets"), kind);
    }
    return kinds;
  }

  private static LayerKind kindOfLibraryType(String type) {
    switch (type) {
      case "runtimepack":
        return LayerKind.RUNTIME;
      case "package":
        return LayerKind.DEPENDENCIES;
      default:
        return LayerKind.APP;
    }
  }

  /** Runtime and native assets land in the output root under their file name. */
  private static void addFlattened(Map<String, LayerKind> kinds, JsonNode assets, LayerKind kind) {
    assets.fieldNames().forEachRemaining(path -> kinds.put(fileName(path), kind));
  }

  /** Satellite assemblies land in a folder named after their culture. */
  private static void addResources(Map<String, LayerKind> kinds, JsonNode assets, LayerKind kind) {
    Iterator<Map.Entry<String, JsonNode>> resources = assets.fields();
    while (resources.hasNext()) {
      Map.Entry<String, JsonNode> resource = resources.next();
      String locale = resource.getValue().path("locale").asText("");
      String name = fileName(resource.getKey());
      kinds.put(locale.isEmpty() ? name : locale + "/" + name, kind);
    }
  }

  /** RID-specific assets of a portable publish keep their relative path. */
  private static void addAsListed(Map<String, LayerKind> kinds, JsonNode assets, LayerKind kind) {
    assets.fieldNames().forEachRemaining(path -> kinds.put(path, kind));
  }

  private static String fileName(String assetPath) {
    int slash = assetPath.lastIndexOf('/');
    return slash < 0 ? assetPath : assetPath.substring(slash + 1);
  }
}
