package io.konet.core.layer;

import com.google.cloud.tools.jib.blob.BlobDescriptor;
import com.google.cloud.tools.jib.hash.CountingDigestOutputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

/**
 * Writes a layer as a reproducible {@code tar.gz}: entries in the given (sorted) order, one fixed
 * timestamp, owner 0:0 with no user names, normalized modes; the blob digest and the diffID are
 * computed while the bytes are written, so the layer is read once and never held in memory.
 *
 * <p>PAX extended headers are written here rather than left to commons-compress, because the
 * headers it creates itself carry the name of the user running the JVM, which would make the
 * same files give different digests on different machines and leak a host user name.
 */
public final class ReproducibleLayerWriter {

  private static final int DIRECTORY_MODE = 040755;
  private static final int FILE_MODE = 0100644;
  private static final int EXECUTABLE_MODE = 0100755;
  private static final int SYMLINK_MODE = 0120777;
  private static final int USTAR_NAME_LIMIT = TarConstants.NAMELEN - 1;
  private static final long USTAR_SIZE_LIMIT = 077777777777L;
  private static final int BUFFER_SIZE = 64 * 1024;

  private final boolean windows;
  private final long modificationTimeSeconds;

  /**
   * @param windows whether to write the Windows layer form: everything under {@code Files/}, a
   *     {@code Hives/} directory, and a security descriptor on every entry
   * @param modificationTimeSeconds the timestamp of every entry
   */
  public ReproducibleLayerWriter(boolean windows, long modificationTimeSeconds) {
    this.windows = windows;
    this.modificationTimeSeconds = modificationTimeSeconds;
  }

  /** Writes {@code entries}, already sorted by path, to {@code target}. */
  public PackedLayer write(LayerKind kind, List<LayerEntry> entries, Path target)
      throws IOException {
    CountingDigestOutputStream blobDigest;
    CountingDigestOutputStream diffIdDigest;
    int fileCount;
    try (OutputStream file = Files.newOutputStream(target)) {
      blobDigest = new CountingDigestOutputStream(new BufferedOutputStream(file, BUFFER_SIZE));
      // TODO: the compressed bytes depend on the zlib the JVM links; a JVM with another deflate
      // (zlib-ng) gives the same diffID but another blob digest for the same files.
      GZIPOutputStream gzip = new GZIPOutputStream(blobDigest, BUFFER_SIZE);
      diffIdDigest = new CountingDigestOutputStream(gzip);
      fileCount = writeTar(diffIdDigest, entries);
      gzip.finish();
      blobDigest.flush();
    }
    BlobDescriptor blob = blobDigest.computeDigest();
    BlobDescriptor diffId = diffIdDigest.computeDigest();
    return new PackedLayer(
        kind,
        blob.getDigest().toString(),
        diffId.getDigest().toString(),
        blob.getSize(),
        fileCount,
        target.toString(),
        false);
  }

  /**
   * The diffID {@code entries} would have, found by writing the tar to a digest alone: reading
   * the files is much cheaper than compressing them, so a layer cache can be asked first.
   */
  public String diffId(List<LayerEntry> entries) throws IOException {
    CountingDigestOutputStream digest =
        new CountingDigestOutputStream(OutputStream.nullOutputStream());
    writeTar(digest, entries);
    return digest.computeDigest().getDigest().toString();
  }

  private int writeTar(OutputStream out, List<LayerEntry> entries) throws IOException {
    int fileCount = 0;
    TarArchiveOutputStream tar = new TarArchiveOutputStream(out, StandardCharsets.UTF_8.name());
    tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_ERROR);
    tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_STAR);
    if (windows) {
      putDirectory(tar, "Files");
    }
    for (LayerEntry entry : entries) {
      if (entry instanceof LayerEntry.RegularFile regularFile) {
        putFile(tar, regularFile);
        fileCount++;
      } else if (entry instanceof LayerEntry.SymbolicLink link) {
        putSymbolicLink(tar, link);
      } else {
        putDirectory(tar, imagePath(entry.path()));
      }
    }
    if (windows) {
      putDirectory(tar, "Hives");
    }
    tar.finish();
    return fileCount;
  }

  private String imagePath(String path) {
    return windows ? "Files/" + path : path;
  }

  private void putDirectory(TarArchiveOutputStream tar, String path) throws IOException {
    TarArchiveEntry entry = newEntry(path + "/", TarConstants.LF_DIR);
    entry.setMode(DIRECTORY_MODE);
    put(tar, entry, path + "/", null, 0);
    tar.closeArchiveEntry();
  }

  private void putFile(TarArchiveOutputStream tar, LayerEntry.RegularFile file)
      throws IOException {
    String name = imagePath(file.path());
    TarArchiveEntry entry = newEntry(name, TarConstants.LF_NORMAL);
    entry.setMode(file.executable() && !windows ? EXECUTABLE_MODE : FILE_MODE);
    entry.setSize(file.size());
    put(tar, entry, name, null, file.size());
    long copied;
    try (InputStream in = Files.newInputStream(file.source())) {
      copied = in.transferTo(tar);
    }
    if (copied != file.size()) {
      throw new IOException(
          "File " + file.source() + " changed while it was packed into a layer.");
    }
    tar.closeArchiveEntry();
  }

  private void putSymbolicLink(TarArchiveOutputStream tar, LayerEntry.SymbolicLink link)
      throws IOException {
    String name = imagePath(link.path());
    TarArchiveEntry entry = newEntry(name, TarConstants.LF_SYMLINK);
    entry.setMode(SYMLINK_MODE);
    entry.setLinkName(ustarSafe(link.target(), USTAR_NAME_LIMIT));
    put(tar, entry, name, link.target(), 0);
    tar.closeArchiveEntry();
  }

  private TarArchiveEntry newEntry(String name, byte linkFlag) {
    TarArchiveEntry entry = new TarArchiveEntry(ustarSafe(name, USTAR_NAME_LIMIT), linkFlag);
    entry.setUserId(0);
    entry.setGroupId(0);
    entry.setUserName("");
    entry.setGroupName("");
    entry.setLastModifiedTime(FileTime.from(modificationTimeSeconds, TimeUnit.SECONDS));
    return entry;
  }

  /** Writes the PAX header the entry needs, if any, then the entry's own header. */
  private void put(
      TarArchiveOutputStream tar,
      TarArchiveEntry entry,
      String fullName,
      String fullLinkTarget,
      long size)
      throws IOException {
    Map<String, String> records = new TreeMap<>();
    if (!fitsUstar(fullName)) {
      records.put("path", fullName);
    }
    if (fullLinkTarget != null && !fitsUstar(fullLinkTarget)) {
      records.put("linkpath", fullLinkTarget);
    }
    if (size > USTAR_SIZE_LIMIT) {
      records.put("size", Long.toString(size));
    }
    if (windows) {
      records.put(WindowsSecurityDescriptor.PAX_RECORD,
          WindowsSecurityDescriptor.BUILTIN_USERS_OWNER_AND_GROUP);
    }
    if (!records.isEmpty()) {
      byte[] content = encodePaxRecords(records);
      TarArchiveEntry header =
          newEntry(
              ustarSafe("PaxHeaders/" + fullName, USTAR_NAME_LIMIT),
              TarConstants.LF_PAX_EXTENDED_HEADER_LC);
      header.setMode(FILE_MODE);
      header.setSize(content.length);
      tar.putArchiveEntry(header);
      tar.write(content);
      tar.closeArchiveEntry();
    }
    tar.putArchiveEntry(entry);
  }

  private static boolean fitsUstar(String name) {
    return name.length() <= USTAR_NAME_LIMIT
        && StandardCharsets.US_ASCII.newEncoder().canEncode(name);
  }

  /** A name the plain ustar header can hold; readers take the real one from the PAX record. */
  private static String ustarSafe(String name, int limit) {
    if (fitsUstar(name)) {
      return name;
    }
    StringBuilder ascii = new StringBuilder();
    name.codePoints()
        .forEach(c -> ascii.append(c < 0x80 && c >= 0x20 ? (char) c : '_'));
    boolean directory = name.endsWith("/");
    String text = ascii.toString();
    if (text.length() > limit) {
      text = text.substring(0, directory ? limit - 1 : limit) + (directory ? "/" : "");
    }
    return text;
  }

  /** Encodes PAX records, each "LENGTH KEY=VALUE\n" where LENGTH counts the whole record. */
  static byte[] encodePaxRecords(Map<String, String> records) {
    StringBuilder content = new StringBuilder();
    for (Map.Entry<String, String> record : records.entrySet()) {
      String body = " " + record.getKey() + "=" + record.getValue() + "\n";
      int bodyLength = body.getBytes(StandardCharsets.UTF_8).length;
      int digits = 1;
      while (Integer.toString(bodyLength + digits).length() != digits) {
        digits++;
      }
      content.append(bodyLength + digits).append(body);
    }
    return content.toString().getBytes(StandardCharsets.UTF_8);
  }
}
