package io.konet.core.build;

import io.konet.core.KonetException;
import io.konet.core.layer.LayerPackRequest;
import io.konet.core.layer.PackedLayers;
import java.io.IOException;

/**
 * The machine where {@code dotnet publish} runs and layers are packed.
 *
 * <p>Paths are the node's own, as strings: a Windows agent's paths use backslashes and are never
 * interpreted by the controller. The node, not the engine, joins and checks them.
 */
public interface BuildNode extends LayerSource {

  /** A short name for log lines, such as {@code local} or the agent's name. */
  String name();

  boolean isWindows();

  /** Runs programs on this node. */
  CommandRunner commands();

  /**
   * Finds the project file: {@code project} is a project file or a directory holding exactly one,
   * relative to the node's working directory or absolute.
   */
  String locateProject(String project) throws IOException, InterruptedException, KonetException;

  /** Creates an empty scratch directory for one build's publish output and layers. */
  String createScratchDirectory() throws IOException, InterruptedException;

  /** Joins a directory and a relative name with this node's separator. */
  String resolve(String directory, String name);

  /** The directory that contains {@code path}. */
  String parentOf(String path);

  /** Packs a publish output into layers on this node and reports their digests and sizes. */
  PackedLayers packLayers(LayerPackRequest request)
      throws IOException, InterruptedException, KonetException;

  /** Removes a scratch directory and everything in it. */
  void deleteScratchDirectory(String directory) throws IOException, InterruptedException;
}
