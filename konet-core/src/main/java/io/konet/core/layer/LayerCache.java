package io.konet.core.layer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Compressed layers kept between builds on the machine that packs them, by diffID. A layer whose
 * files did not change (the .NET runtime, the NuGet packages) has the same diffID as last time,
 * so its compressed blob is taken from here instead of being compressed again; that, not the
 * upload, is most of the cost of an unchanged layer.
 *
 * <p>Entries are a {@code <hex>.tar.gz} and a {@code <hex>.json} with the blob digest and size,
 * both written under temporary names and moved into place, so concurrent builds sharing the
 * directory only ever see whole entries. The least recently used entries are removed when the
 * cache grows past its limit, sparing those used in the last hour.
 */
public final class LayerCache {

  /** Entries used more recently than this are never pruned: a build may be reading them. */
  private static final Duration IN_USE = Duration.ofHours(1);

  private final Path directory;
  private final long maxBytes;

  public LayerCache(Path directory, long maxBytes) {
    this.directory = directory;
    this.maxBytes = maxBytes;
  }

  /** The cached layer with this diffID, marked as used; empty when there is none. */
  Optional<PackedLayer> find(String diffId, LayerKind kind, int fileCount) throws IOException {
    Path blob = blobPath(diffId);
    Path metadata = metadataPath(diffId);
    try {
      String[] fields = Files.readString(metadata, StandardCharsets.UTF_8).strip().split(" ");
      if (fields.length != 2) {
        return Optional.empty();
      }
      long size = Long.parseLong(fields[1]);
      if (Files.size(blob) != size) {
        return Optional.empty();
      }
      Files.setLastModifiedTime(blob, FileTime.from(Instant.now()));
      return Optional.of(new PackedLayer(kind, fields[0], diffId, size, fileCount,
          blob.toString(), true));
    } catch (NoSuchFileException | NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** Writes a layer into the cache with {@code writer} and records it. */
  PackedLayer store(String diffId, LayerKind kind, List<LayerEntry> entries,
      ReproducibleLayerWriter writer) throws IOException {
    Files.createDirectories(directory);
    Path temporary = Files.createTempFile(directory, ".writing-", ".tar.gz");
    try {
      PackedLayer written = writer.write(kind, entries, temporary);
      if (!written.diffId().equals(diffId)) {
        throw new IOException("The files of the " + kind.label()
            + " layer changed while it was packed; run the build again.");
      }
      Path blob = blobPath(diffId);
      move(temporary, blob);
      Path metadata = Files.createTempFile(directory, ".writing-", ".json");
      Files.writeString(metadata, written.digest() + " " + written.size(), StandardCharsets.UTF_8);
      move(metadata, metadataPath(diffId));
      return new PackedLayer(kind, written.digest(), diffId, written.size(),
          written.fileCount(), blob.toString(), false);
    } finally {
      Files.deleteIfExists(temporary);
    }
  }

  /** Removes least recently used entries until the cache fits its limit. */
  void prune() throws IOException {
    if (!Files.isDirectory(directory)) {
      return;
    }
    List<Path> blobs;
    try (Stream<Path> list = Files.list(directory)) {
      blobs = new ArrayList<>(list.filter(p -> p.getFileName().toString().endsWith(".tar.gz"))
          .filter(p -> !p.getFileName().toString().startsWith(".")).toList());
    }
    long total = 0;
    for (Path blob : blobs) {
      total += sizeOrZero(blob);
    }
    blobs.sort(Comparator.comparing(LayerCache::lastUsed));
    Instant spareAfter = Instant.now().minus(IN_USE);
    for (Path blob : blobs) {
      if (total <= maxBytes || lastUsed(blob).toInstant().isAfter(spareAfter)) {
        break;
      }
      long size = sizeOrZero(blob);
      String name = blob.getFileName().toString();
      Files.deleteIfExists(directory.resolve(name.replace(".tar.gz", ".json")));
      Files.deleteIfExists(blob);
      total -= size;
    }
  }

  private Path blobPath(String diffId) {
    return directory.resolve(hex(diffId) + ".tar.gz");
  }

  private Path metadataPath(String diffId) {
    return directory.resolve(hex(diffId) + ".json");
  }

  private static String hex(String digest) {
    return digest.substring(digest.indexOf(':') + 1);
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static FileTime lastUsed(Path path) {
    try {
      return Files.getLastModifiedTime(path);
    } catch (IOException e) {
      return FileTime.fromMillis(0);
    }
  }

  private static long sizeOrZero(Path path) {
    try {
      return Files.size(path);
    } catch (IOException e) {
      return 0;
    }
  }
}
