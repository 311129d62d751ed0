package io.konet.core.layer;

import java.nio.file.Path;

/**
 * One entry of a layer, named by its path inside the image relative to the root ({@code
 * app/hello}), always with forward slashes.
 */
public sealed interface LayerEntry extends Comparable<LayerEntry> {

  String path();

  @Override
  default int compareTo(LayerEntry other) {
    return path().compareTo(other.path());
  }

  /** A directory; its path ends without a slash. */
  record Directory(String path) implements LayerEntry {}

  /** A regular file copied from {@code source}. */
  record RegularFile(String path, Path source, long size, boolean executable)
      implements LayerEntry {}

  /** A symbolic link, kept as a link. */
  record SymbolicLink(String path, String target) implements LayerEntry {}
}
