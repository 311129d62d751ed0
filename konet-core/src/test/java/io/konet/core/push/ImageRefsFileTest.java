package io.konet.core.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.konet.core.KonetException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageRefsFileTest {

  private static final String DIGEST = "sha256:" + "a".repeat(64);

  @TempDir Path temp;

  private static PushResult result() {
    return new PushResult(
        "registry.example/app",
        List.of("1.0"),
        DIGEST,
        "application/vnd.oci.image.index.v1+json",
        List.of(new PushResult.PlatformResult("linux/amd64", "sha256:" + "b".repeat(64), null)),
        new PushStatistics(1, 0, 0, 10));
  }

  private List<String> entries() throws IOException {
    try (Stream<Path> entries = Files.list(temp)) {
      return entries.map(path -> path.getFileName().toString()).sorted().toList();
    }
  }

  private static String mode(Path path) throws IOException {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
  }

  @Test
  void aNewFileGetsThePermissionsOfAnyNewFile() throws Exception {
    Path refs = temp.resolve("refs.json");
    Path ordinary = Files.createFile(temp.resolve("ordinary"));

    ImageRefsFile.write(result(), refs);

    assertThat(Files.readString(refs)).contains(DIGEST).contains("registry.example/app@");
    assertThat(mode(refs)).isEqualTo(mode(ordinary));
    assertThat(entries()).containsExactly("ordinary", "refs.json");
  }

  @Test
  void aNewFileInNewDirectoriesIsWritten() throws Exception {
    Path refs = temp.resolve("out/deeper/refs.json");

    ImageRefsFile.checkWritable(refs);
    assertThat(temp.resolve("out")).doesNotExist();
    ImageRefsFile.write(result(), refs);

    assertThat(Files.readString(refs)).contains(DIGEST);
  }

  @Test
  void anExistingFileKeepsItsPermissions() throws Exception {
    Path refs = Files.writeString(temp.resolve("refs.json"), "old");
    Files.setPosixFilePermissions(refs, PosixFilePermissions.fromString("rw-r-----"));

    ImageRefsFile.write(result(), refs);

    assertThat(Files.readString(refs)).contains(DIGEST);
    assertThat(mode(refs)).isEqualTo("rw-r-----");
    assertThat(entries()).containsExactly("refs.json");
  }

  @Test
  void aLinkToAFileStaysALinkAndItsTargetGetsTheReferences() throws Exception {
    Path target = Files.writeString(temp.resolve("target.json"), "old");
    Path link = Files.createSymbolicLink(temp.resolve("refs.json"), Path.of("target.json"));

    ImageRefsFile.write(result(), link);

    assertThat(Files.isSymbolicLink(link)).isTrue();
    assertThat(Files.readSymbolicLink(link)).isEqualTo(Path.of("target.json"));
    assertThat(Files.readString(target)).contains(DIGEST);
    assertThat(entries()).containsExactly("refs.json", "target.json");
  }

  @Test
  void aLinkToNothingYetStaysALinkAndItsTargetIsCreated() throws Exception {
    Path link = Files.createSymbolicLink(temp.resolve("refs.json"), Path.of("target.json"));

    ImageRefsFile.write(result(), link);

    assertThat(Files.isSymbolicLink(link)).isTrue();
    assertThat(Files.readString(temp.resolve("target.json"))).contains(DIGEST);
  }

  @Test
  void aDirectoryIsRefusedAndLeftAsItWas() throws Exception {
    Path directory = Files.createDirectory(temp.resolve("refs.json"));

    assertThatThrownBy(() -> ImageRefsFile.checkWritable(directory))
        .isInstanceOf(KonetException.class)
        .hasMessageEndingWith("refs.json is a directory; name a file.");
    assertThatThrownBy(() -> ImageRefsFile.write(result(), directory))
        .isInstanceOf(KonetException.class)
        .hasMessageEndingWith("refs.json is a directory; name a file.");

    assertThat(directory).isEmptyDirectory();
    assertThat(entries()).containsExactly("refs.json");
  }

  @Test
  void aFileInTheWayOfTheParentIsRefusedBeforeAndDuringTheWrite() throws Exception {
    Files.writeString(temp.resolve("plain"), "not a directory");
    Path refs = temp.resolve("plain/refs.json");

    assertThatThrownBy(() -> ImageRefsFile.checkWritable(refs))
        .isInstanceOf(KonetException.class)
        .hasMessage("Cannot write image references to " + refs + ": " + temp.resolve("plain")
            + " is not a directory.");
    Path link = Files.createSymbolicLink(temp.resolve("link.json"), refs);
    assertThatThrownBy(() -> ImageRefsFile.write(result(), link))
        .isInstanceOf(KonetException.class)
        .hasMessageStartingWith("Cannot write image references to " + link + ": ")
        .hasMessageNotContaining("Exception");

    assertThat(entries()).containsExactly("link.json", "plain");
    assertThat(Files.readString(temp.resolve("plain"))).isEqualTo("not a directory");
  }

  @Test
  void aPipeIsWrittenToInPlaceAndStaysAPipe() throws Exception {
    Path fifo = temp.resolve("refs.fifo");
    Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start();
    assertThat(mkfifo.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(mkfifo.exitValue()).isZero();
    CompletableFuture<String> reader = CompletableFuture.supplyAsync(() -> {
      try {
        return new String(Files.readAllBytes(fifo), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    });

    ImageRefsFile.checkWritable(fifo);
    ImageRefsFile.write(result(), fifo);

    assertThat(reader.get(30, TimeUnit.SECONDS)).contains(DIGEST).startsWith("{");
    BasicFileAttributes attributes =
        Files.readAttributes(fifo, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    assertThat(attributes.isOther()).isTrue();
    assertThat(entries()).containsExactly("refs.fifo");
  }

  @Test
  void controlCharactersInThePathAreEscapedInMessages() throws Exception {
    Path directory = Files.createDirectory(temp.resolve("bad\nname"));

    assertThatThrownBy(() -> ImageRefsFile.write(result(), directory))
        .isInstanceOf(KonetException.class)
        .hasMessageContaining("bad\\u000aname")
        .hasMessageNotContaining("\n");
  }
}
