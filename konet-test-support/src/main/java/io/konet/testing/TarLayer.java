package io.konet.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * Builds a reproducible image layer: entries in the order added, one fixed timestamp, numeric
 * owners only. Directories end with {@code /}; callers add parents before children.
 */
public final class TarLayer {

  /** The timestamp of every entry: the day .NET 8.0.11 shipped. */
  public static final Instant TIMESTAMP = Instant.parse("2024-11-12T00:00:00Z");

  private final List<Entry> entries = new ArrayList<>();

  public TarLayer directory(String path) {
    return directory(path, 0755, 0, 0);
  }

  public TarLayer directory(String path, int mode, int uid, int gid) {
    String name = path.endsWith("/") ? path : path + "/";
    entries.add(new Entry(name, TarArchiveEntry.LF_DIR, mode, uid, gid, null, new byte[0]));
    return this;
  }

  public TarLayer file(String path, byte[] content) {
    return file(path, 0644, content);
  }

  public TarLayer file(String path, int mode, byte[] content) {
    return file(path, mode, 0, 0, content);
  }

  public TarLayer file(String path, int mode, int uid, int gid, byte[] content) {
    entries.add(new Entry(path, TarArchiveEntry.LF_NORMAL, mode, uid, gid, null, content));
    return this;
  }

  public TarLayer symlink(String path, String target) {
    entries.add(new Entry(path, TarArchiveEntry.LF_SYMLINK, 0777, 0, 0, target, new byte[0]));
    return this;
  }

  /** Writes the tar, gzips it, and names both forms by digest. */
  public Layer build() {
    byte[] tar = tar();
    byte[] blob = gzip(tar);
    return new Layer(blob, RegistryHttp.digestOf(blob), RegistryHttp.digestOf(tar), tar);
  }

  private byte[] tar() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
      tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
      for (Entry entry : entries) {
        TarArchiveEntry header = new TarArchiveEntry(entry.name, entry.type);
        header.setMode(entry.mode);
        header.setUserId(entry.uid);
        header.setGroupId(entry.gid);
        header.setUserName("");
        header.setGroupName("");
        header.setModTime(Date.from(TIMESTAMP));
        if (entry.linkTarget != null) {
          header.setLinkName(entry.linkTarget);
        }
        if (entry.type == TarArchiveEntry.LF_NORMAL) {
          header.setSize(entry.content.length);
        }
        tar.putArchiveEntry(header);
        tar.write(entry.content);
        tar.closeArchiveEntry();
      }
      tar.finish();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  private static byte[] gzip(byte[] data) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new FastGzip(bytes)) {
      gzip.write(data);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /** Level 1: layers are built often in tests, and size matters less than time here. */
  private static final class FastGzip extends GZIPOutputStream {
    FastGzip(ByteArrayOutputStream out) throws IOException {
      super(out);
      def.setLevel(Deflater.BEST_SPEED);
    }
  }

  private record Entry(
      String name, byte type, int mode, int uid, int gid, String linkTarget, byte[] content) {}

  /**
   * A built layer: the gzipped blob with its digest, and the digest of the uncompressed tar (the
   * diff ID an image config lists).
   */
  public record Layer(byte[] blob, String digest, String diffId, byte[] tar) {

    public long size() {
      return blob.length;
    }
  }
}
