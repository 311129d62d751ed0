package io.konet.core.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.konet.core.KonetException;
import io.konet.core.registry.Sha256;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OciLayoutTargetTest {

  private static final String MANIFEST_TYPE = "application/vnd.oci.image.manifest.v1+json";

  @TempDir Path temp;

  private List<String> entries() throws IOException {
    try (Stream<Path> entries = Files.list(temp)) {
      return entries.map(path -> path.getFileName().toString()).sorted().toList();
    }
  }

  private static String mode(Path path) throws IOException {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
  }

  /** Writes one tagged manifest and commits. */
  private static void fill(Path directory) throws KonetException {
    byte[] manifest = "{\"schemaVersion\":2}".getBytes(StandardCharsets.UTF_8);
    try (OciLayoutTarget layout = OciLayoutTarget.create(directory)) {
      layout.tag(manifest, MANIFEST_TYPE, "1.0");
      layout.commit();
    }
  }

  @Test
  void aNewDirectoryGetsThePermissionsOfAnyNewDirectory() throws Exception {
    Path layout = temp.resolve("layout");
    Path ordinary = Files.createDirectory(temp.resolve("ordinary"));
    Path ordinaryFile = Files.createFile(ordinary.resolve("file"));

    fill(layout);

    assertThat(mode(layout)).isEqualTo(mode(ordinary));
    Path blob = layout.resolve("blobs/sha256")
        .resolve(Sha256.digest("{\"schemaVersion\":2}".getBytes(StandardCharsets.UTF_8))
            .substring("sha256:".length()));
    assertThat(mode(blob)).isEqualTo(mode(ordinaryFile));
    assertThat(Files.readString(layout.resolve("index.json"))).contains("\"1.0\"");
    assertThat(entries()).containsExactly("layout", "ordinary");
  }

  @Test
  void anEmptyDirectoryKeepsItsPermissions() throws Exception {
    Path layout = Files.createDirectory(temp.resolve("layout"));
    Files.setPosixFilePermissions(layout, PosixFilePermissions.fromString("rwxr-x---"));

    fill(layout);

    assertThat(mode(layout)).isEqualTo("rwxr-x---");
    assertThat(layout.resolve("oci-layout")).exists();
    assertThat(entries()).containsExactly("layout");
  }

  @Test
  void anEmptyDirectoryKeepsItsSetgidBit() throws Exception {
    Path layout = Files.createDirectory(temp.resolve("layout"));
    Files.setAttribute(layout, "unix:mode", 02750);

    fill(layout);

    assertThat((Integer) Files.getAttribute(layout, "unix:mode") & 07777).isEqualTo(02750);
  }

  @Test
  void aLinkToAnEmptyDirectoryStaysALinkAndItsTargetHoldsTheLayout() throws Exception {
    Path target = Files.createDirectory(temp.resolve("target"));
    Path link = Files.createSymbolicLink(temp.resolve("layout"), Path.of("target"));

    fill(link);

    assertThat(Files.isSymbolicLink(link)).isTrue();
    assertThat(target.resolve("oci-layout")).isRegularFile();
    assertThat(target.resolve("index.json")).isRegularFile();
    assertThat(entries()).containsExactly("layout", "target");
  }

  @Test
  void aFileInTheWayIsRefusedInWords() throws Exception {
    Path file = Files.writeString(temp.resolve("layout"), "kept");

    assertThatThrownBy(() -> OciLayoutTarget.checkUsable(file))
        .isInstanceOf(KonetException.class)
        .hasMessage("Output directory " + file
            + " exists and is not a directory; name a new or empty one.");
    assertThatThrownBy(() -> OciLayoutTarget.create(file))
        .isInstanceOf(KonetException.class)
        .hasMessageContaining("exists and is not a directory");

    assertThat(Files.readString(file)).isEqualTo("kept");
    assertThat(entries()).containsExactly("layout");
  }

  @Test
  void aFileInTheWayOfTheParentIsRefusedBeforeTheBuild() throws Exception {
    Path file = Files.writeString(temp.resolve("plain"), "kept");

    assertThatThrownBy(() -> OciLayoutTarget.checkUsable(file.resolve("layout")))
        .isInstanceOf(KonetException.class)
        .hasMessage("Cannot write the OCI layout " + file.resolve("layout") + ": " + file
            + " is not a directory.");
  }

  @Test
  void aDirectoryWithContentIsRefused() throws Exception {
    Path layout = Files.createDirectory(temp.resolve("layout"));
    Files.writeString(layout.resolve("keep"), "kept");

    assertThatThrownBy(() -> OciLayoutTarget.checkUsable(layout))
        .isInstanceOf(KonetException.class)
        .hasMessageEndingWith(" is not empty; name a new or empty one.");
    assertThat(entries()).containsExactly("layout");
  }

  @Test
  void checkingCreatesNothing() throws Exception {
    Path layout = temp.resolve("out/layout");

    OciLayoutTarget.checkUsable(layout);

    assertThat(entries()).isEmpty();
  }

  @Test
  void anInvalidPathIsOneSentence() {
    assertThatThrownBy(() -> OciLayoutTarget.checkUsable("out\0layout"))
        .isInstanceOf(KonetException.class)
        .hasMessage("Output directory 'out\\u0000layout' is not a valid path.");
  }

  @Test
  void closingWithoutCommitLeavesNothing() throws Exception {
    Path layout = temp.resolve("layout");
    byte[] manifest = "{}".getBytes(StandardCharsets.UTF_8);

    try (OciLayoutTarget target = OciLayoutTarget.create(layout)) {
      target.tag(manifest, MANIFEST_TYPE, "1.0");
    }

    assertThat(entries()).isEmpty();
  }
}
