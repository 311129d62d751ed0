package io.konet.core.properties;

import static org.assertj.core.api.Assertions.assertThat;

import io.konet.core.KonetException;
import io.konet.core.project.ProjectLocator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * {@link ProjectLocator#locate}: any text names an existing project file (the one asked for, or
 * the only one in the directory asked for) or gives one clear sentence; never another exception,
 * and nothing on disk changes.
 */
class ProjectLocatorPropertiesTest {

  private static final String[] RULES = {"does not exist", "is not a .NET project file",
      "No .NET project in", "Several projects in", "is not a valid path",
      "Cannot read the directory"};

  static Path root;
  static Path work;
  static Map<String, String> before;

  /** A checkout with every case: one project, two, none, a decoy directory, a project above. */
  @BeforeContainer
  static void createCheckout() throws IOException {
    root = Files.createTempDirectory("konet-locator-");
    work = Files.createDirectories(root.resolve("work"));
    write(work.resolve("one/app.csproj"));
    write(work.resolve("two/a.csproj"));
    write(work.resolve("two/b.fsproj"));
    write(work.resolve("none/readme.txt"));
    write(work.resolve("lib.vbproj"));
    write(work.resolve("notes.txt"));
    write(work.resolve("Upper.CSPROJ"));
    Files.createDirectories(work.resolve("decoy.csproj"));
    Files.createDirectories(work.resolve("empty"));
    write(root.resolve("outside/other.csproj"));
    before = snapshot(root);
  }

  @AfterContainer
  static void deleteCheckout() throws IOException {
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted((a, b) -> b.compareTo(a)).toList()) {
        Files.delete(path);
      }
    }
  }

  @Property(tries = 1500)
  void anyTextFindsAProjectOrIsRefusedClearly(@ForAll("anyText") String text) {
    check(text);
  }

  @Property(tries = 2000)
  void nearValidPathsFindAProjectOrAreRefusedClearly(@ForAll("nearValid") String text) {
    check(text);
  }

  private static void check(String text) {
    Path found;
    try {
      found = ProjectLocator.locate(work, text);
    } catch (KonetException e) {
      Refusals.assertClear(e, text, RULES);
      assertThat(snapshot(root)).isEqualTo(before);
      return;
    }
    String context = Refusals.escaped(text) + " found " + found;
    assertThat(found).as(context).isRegularFile();
    assertThat(found.getFileName().toString().toLowerCase(Locale.ROOT))
        .as(context).matches(".*\\.(cs|fs|vb)proj");
    Path asked = work.resolve(text.isBlank() ? "." : text).normalize();
    assertThat(found.equals(asked) || found.getParent().equals(asked))
        .as(context + ": the path asked for or a file directly in it").isTrue();
    assertThat(snapshot(root)).isEqualTo(before);
  }

  @Provide
  Arbitrary<String> anyText() {
    return HostileText.any();
  }

  @Provide
  Arbitrary<String> nearValid() {
    Arbitrary<String> part = Arbitraries.of("one", "two", "none", "empty", "lib.vbproj",
        "app.csproj", "a.csproj", "decoy.csproj", "Upper.CSPROJ", "notes.txt", "missing",
        "missing.csproj", "..", ".", "", "outside", "other.csproj", "work", "~", "$HOME",
        "app.csproj ", " one", "ONE", "one\\app.csproj");
    Arbitrary<String> path = Arbitraries.frequencyOf(
        Tuple.of(5, part.list().ofMinSize(1).ofMaxSize(4).map(p -> String.join("/", p))),
        Tuple.of(1, part.list().ofMinSize(1).ofMaxSize(3).map(p -> String.join("//", p))),
        Tuple.of(1, part.list().ofMinSize(1).ofMaxSize(3).map(p -> String.join("/", p) + "/")),
        Tuple.of(1, part.map(p -> "file:" + p)),
        Tuple.of(1, Arbitraries.of("a".repeat(300), "a/".repeat(3000), "../".repeat(50),
            "one/" + "x".repeat(256) + ".csproj")));
    return HostileText.spoiled(path);
  }

  private static void write(Path file) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, "<Project Sdk=\"Microsoft.NET.Sdk\" />\n");
  }

  /** Every path under {@code top} with its type, size and modification time. */
  private static Map<String, String> snapshot(Path top) {
    Map<String, String> state = new TreeMap<>();
    try (Stream<Path> paths = Files.walk(top)) {
      for (Path path : paths.toList()) {
        BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
        state.put(top.relativize(path).toString(),
            (attributes.isDirectory() ? "d " : "f ") + attributes.size() + " "
                + attributes.lastModifiedTime());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return state;
  }
}
