package io.konet.core.layer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.konet.core.KonetException;
import io.konet.core.registry.Sha256;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LayerPackerTest {

  private static final long TIMESTAMP = 1_700_000_000L;

  @TempDir Path temp;

  private Path publishOutput(String name, long mtime) throws IOException {
    Path output = Files.createDirectories(temp.resolve(name));
    write(output.resolve("hello"), "apphost", "rwxr-xr-x");
    write(output.resolve("hello.dll"), "managed code", "rw-------");
    write(output.resolve("libcoreclr.so"), "runtime", "rwxr--r--");
    write(output.resolve("Newtonsoft.Json.dll"), "package", "rw-r--r--");
    Files.createDirectories(output.resolve("wwwroot/css"));
    write(output.resolve("wwwroot/css/site.css"), "body{}", "rw-r--r--");
    Files.createDirectories(output.resolve("empty"));
    write(output.resolve("résumé-ünïcode.txt"), "non-ascii name", "rw-r--r--");
    String longName = "a".repeat(60) + "/" + "b".repeat(80) + ".dll";
    Files.createDirectories(output.resolve(longName).getParent());
    write(output.resolve(longName), "long name", "rw-r--r--");
    Files.createSymbolicLink(output.resolve("current"), Path.of("hello.dll"));
    try (var walk = Files.walk(output)) {
      for (Path path : walk.toList()) {
        if (!Files.isSymbolicLink(path)) {
          Files.setLastModifiedTime(path, FileTime.fromMillis(mtime));
        }
      }
    }
    return output;
  }

  private static void write(Path file, String content, String permissions) throws IOException {
    Files.writeString(file, content, StandardCharsets.UTF_8);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(permissions));
  }

  private PackedLayers pack(Path output, boolean windows, boolean split, String layers)
      throws IOException, KonetException {
    return LayerPacker.pack(
        new LayerPackRequest(output.toString(), temp.resolve(layers).toString(), windows, "hello",
            split, TIMESTAMP, null, 0));
  }

  @Test
  void linuxLayerKeepsModesLinksAndNamesWithFixedOwnerAndTime() throws Exception {
    PackedLayers packed = pack(publishOutput("out", 1000), false, false, "layers");

    assertThat(packed.layers()).singleElement().satisfies(layer -> {
      assertThat(layer.kind()).isEqualTo(LayerKind.ALL);
      assertThat(layer.fileCount()).isEqualTo(7);
    });
    assertThat(packed.appHost()).isTrue();
    assertThat(packed.managedEntryAssembly()).isTrue();
    Map<String, TarArchiveEntry> entries = read(packed.layers().get(0));
    assertThat(entries.keySet()).contains("app/", "app/hello", "app/wwwroot/", "app/wwwroot/css/",
        "app/wwwroot/css/site.css", "app/empty/", "app/résumé-ünïcode.txt", "app/current",
        "app/" + "a".repeat(60) + "/" + "b".repeat(80) + ".dll");
    assertThat(entries.get("app/hello").getMode() & 0777).isEqualTo(0755);
    assertThat(entries.get("app/libcoreclr.so").getMode() & 0777).isEqualTo(0755);
    assertThat(entries.get("app/hello.dll").getMode() & 0777).isEqualTo(0644);
    assertThat(entries.get("app/wwwroot/").getMode() & 0777).isEqualTo(0755);
    assertThat(entries.get("app/current").isSymbolicLink()).isTrue();
    assertThat(entries.get("app/current").getLinkName()).isEqualTo("hello.dll");
    for (TarArchiveEntry entry : entries.values()) {
      assertThat(entry.getLongUserId()).isZero();
      assertThat(entry.getLongGroupId()).isZero();
      assertThat(entry.getUserName()).isEmpty();
      assertThat(entry.getGroupName()).isEmpty();
      assertThat(entry.getLastModifiedTime().toMillis()).isEqualTo(TIMESTAMP * 1000);
    }
  }

  @Test
  void digestsAreThoseOfTheCompressedAndUncompressedBytes() throws Exception {
    PackedLayer layer = pack(publishOutput("out", 1000), false, false, "layers").layers().get(0);

    byte[] compressed = Files.readAllBytes(Path.of(layer.location()));
    assertThat(layer.digest()).isEqualTo(Sha256.digest(compressed));
    assertThat(layer.size()).isEqualTo(compressed.length);
    try (InputStream gunzip = new GZIPInputStream(Files.newInputStream(Path.of(layer.location())))) {
      assertThat(layer.diffId()).isEqualTo(Sha256.digest(gunzip.readAllBytes()));
    }
  }

  @Test
  void sameFilesGiveSameDigestsWhateverTheirTimesAndWhoRunsTheBuild() throws Exception {
    PackedLayer first = pack(publishOutput("one", 1000), false, false, "a").layers().get(0);
    String userName = System.getProperty("user.name");
    PackedLayer second;
    try {
      System.setProperty("user.name", "someone-else");
      second = pack(publishOutput("two", 999_999_000), false, false, "b").layers().get(0);
    } finally {
      System.setProperty("user.name", userName);
    }

    assertThat(second.digest()).isEqualTo(first.digest());
    assertThat(second.diffId()).isEqualTo(first.diffId());
    byte[] bytes = Files.readAllBytes(Path.of(second.location()));
    try (InputStream gunzip = new GZIPInputStream(new java.io.ByteArrayInputStream(bytes))) {
      assertThat(new String(gunzip.readAllBytes(), StandardCharsets.ISO_8859_1))
          .doesNotContain("someone-else");
    }
  }

  @Test
  void gnuTarReadsNamesThatNeedPaxHeaders() throws Exception {
    PackedLayer layer = pack(publishOutput("out", 1000), false, false, "layers").layers().get(0);

    Process tar = new ProcessBuilder("tar", "-tzf", layer.location()).redirectErrorStream(true)
        .start();
    String listing = new String(tar.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(tar.waitFor()).as(listing).isZero();
    assertThat(listing.lines()).contains("app/résumé-ünïcode.txt",
        "app/" + "a".repeat(60) + "/" + "b".repeat(80) + ".dll").noneMatch(
            line -> line.contains("PaxHeaders"));
  }

  @Test
  void windowsLayerPutsFilesUnderFilesWithHivesAndSecurityDescriptors() throws Exception {
    PackedLayers packed = pack(publishOutput("out", 1000), true, false, "layers");

    Map<String, TarArchiveEntry> entries = read(packed.layers().get(0));
    List<String> names = new ArrayList<>(entries.keySet());
    assertThat(names.get(0)).isEqualTo("Files/");
    assertThat(names.get(names.size() - 1)).isEqualTo("Hives/");
    assertThat(names).contains("Files/app/", "Files/app/hello.dll", "Files/app/wwwroot/css/site.css");
    assertThat(names).allMatch(name -> name.startsWith("Files/") || name.equals("Hives/"));
    byte[] descriptor = null;
    for (TarArchiveEntry entry : entries.values()) {
      String rawsd = entry.getExtraPaxHeader("MSWINDOWS.rawsd");
      assertThat(rawsd).as(entry.getName()).isNotNull();
      descriptor = Base64.getDecoder().decode(rawsd);
    }
    // Owner and group: S-1-5-32-545 (BUILTIN\Users), self-relative, no DACL.
    assertThat(descriptor).hasSize(52);
    assertThat(descriptor[3] & 0xff).isEqualTo(0x80);
    byte[] users = {1, 2, 0, 0, 0, 0, 0, 5, 32, 0, 0, 0, 0x21, 2, 0, 0};
    assertThat(java.util.Arrays.copyOfRange(descriptor, 20, 36)).isEqualTo(users);
    assertThat(java.util.Arrays.copyOfRange(descriptor, 36, 52)).isEqualTo(users);
  }

  @Test
  void refusesLinksThatLeaveTheOutput() throws Exception {
    Path output = publishOutput("out", 1000);
    Files.createSymbolicLink(output.resolve("escape"), Path.of("../../etc/passwd"));

    assertThatThrownBy(() -> pack(output, false, false, "layers"))
        .isInstanceOf(KonetException.class)
        .hasMessageContaining("'escape'")
        .hasMessageContaining("outside the output");
    assertThat(temp.resolve("layers/application.tar.gz")).doesNotExist();
  }

  @Test
  void refusesAbsoluteLinks() throws Exception {
    Path output = publishOutput("out", 1000);
    Files.createSymbolicLink(output.resolve("wwwroot/abs"), output.resolve("hello.dll"));

    assertThatThrownBy(() -> pack(output, false, false, "layers"))
        .isInstanceOf(KonetException.class)
        .hasMessageContaining("'wwwroot/abs'");
  }

  @Test
  void refusesPipesAndDevices() throws Exception {
    Path output = publishOutput("out", 1000);
    Process mkfifo = new ProcessBuilder("mkfifo", output.resolve("pipe").toString()).start();
    assertThat(mkfifo.waitFor()).isZero();

    assertThatThrownBy(() -> pack(output, false, false, "layers"))
        .isInstanceOf(KonetException.class)
        .hasMessageContaining("'pipe'")
        .hasMessageContaining("not a file, directory or link");
  }

  static Map<String, TarArchiveEntry> read(PackedLayer layer) throws IOException {
    Map<String, TarArchiveEntry> entries = new LinkedHashMap<>();
    try (TarArchiveInputStream tar =
        new TarArchiveInputStream(
            new GZIPInputStream(Files.newInputStream(Path.of(layer.location()))))) {
      TarArchiveEntry entry;
      while ((entry = tar.getNextEntry()) != null) {
        entries.put(entry.getName(), entry);
      }
    }
    return entries;
  }
}
