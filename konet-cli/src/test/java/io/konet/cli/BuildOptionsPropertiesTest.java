package io.konet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.konet.core.platform.PlatformParser;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import picocli.CommandLine;

/**
 * {@code --label}, {@code --base-image}, {@code --mirror} and {@code -P} with any value: the
 * command line, run in-process against a project that does not exist (so nothing is built),
 * ends with exit code 1 or 2 and one line that says why, never a stack trace.
 */
class BuildOptionsPropertiesTest {

  /** Any UTF-16 unit, control characters, NUL, invisible marks and the options' separators. */
  static final String NASTY =
      "\u0000\u0001\u0007\b\t\n\u000b\f\r\u001b\u007f\u0085\u00a0\u2028\u2029\u200b\u202e"
          + "\ufeff\ud800\udc00\uffff /\\:@=.,-_%\"'$";
  static final String HINT = "Run 'konet build --help' for the options.";

  static Path root;
  static Path missingProject;
  static Path output;

  @BeforeContainer
  static void createDirectory() throws IOException {
    root = Files.createTempDirectory("konet-cli-options-");
    missingProject = root.resolve("no-such-project");
    output = root.resolve("layout");
  }

  @AfterContainer
  static void deleteDirectory() throws IOException {
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted((a, b) -> b.compareTo(a)).toList()) {
        Files.delete(path);
      }
    }
  }

  @Property(tries = 400)
  void anyLabel(@ForAll("labels") String value) {
    check(List.of("--label", value));
  }

  @Property(tries = 400)
  void anyBaseImage(@ForAll("baseImages") String value) {
    check(List.of("--base-image", value));
  }

  @Property(tries = 400)
  void anyMirror(@ForAll("mirrors") String value) {
    check(List.of("--mirror", value));
  }

  @Property(tries = 400)
  void anyMsbuildProperty(@ForAll("properties") String value) {
    check(List.of("-P", value));
  }

  @Property(tries = 300)
  void anyMixOfThem(@ForAll("mixes") List<List<String>> options) {
    List<String> arguments = new ArrayList<>();
    options.forEach(arguments::addAll);
    check(arguments);
  }

  /** The base image chooser looks platforms up by their canonical text, so keys are stored so. */
  @Property(tries = 200)
  void aBaseImageForAPlatformIsKeptUnderThatPlatformsName(@ForAll("platformKeys") String key)
      throws Exception {
    BuildCommand command = new BuildCommand(Map.of());
    new CommandLine(command).parseArgs("--base-image", key + "=registry.example.com/base:1");

    String expected = key.equalsIgnoreCase("linux") || key.equalsIgnoreCase("windows")
        ? key.toLowerCase(Locale.ROOT) : PlatformParser.parse(key).toString();
    assertThat(command.baseImageChoices())
        .containsExactly(Map.entry(expected, "registry.example.com/base:1"));
  }

  @Property(tries = 50)
  void valuesStartingWithAnAtSignAreTakenAsTheyAre(@ForAll("atFiles") String value)
      throws IOException {
    Path file = root.resolve("arguments.txt");
    Files.writeString(file, "--tag\nregistry.example.com/other:1\n");
    String literal = value.replace("FILE", file.toString());
    try {
      String line = check(List.of("--label", literal));
      if (literal.contains("=")) {
        // A well-formed label: taken as given, so the build goes on to the missing project.
        assertThat(line).contains("no-such-project").doesNotContain("other:1");
      } else {
        assertThat(line).contains(literal);
      }
    } finally {
      Files.delete(file);
    }
  }

  /** Runs konet with {@code options}, checks how it failed and returns the line saying why. */
  private static String check(List<String> options) {
    List<String> arguments = new ArrayList<>(List.of("build", missingProject.toString(),
        "--output", "oci-layout:" + output, "--no-layer-cache"));
    arguments.addAll(options);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();

    int code = Konet.execute(arguments.toArray(String[]::new),
        Map.of("HOME", root.toString()), new PrintWriter(out, true), new PrintWriter(err, true));

    String context = "konet " + escaped(String.join(" ", options)) + " gave exit code " + code
        + " and stderr " + escaped(err.toString());
    assertThat(code).as(context).isIn(Konet.FAILURE, Konet.USAGE);
    assertThat(out.toString()).as(context).isEmpty();
    List<String> lines = new ArrayList<>(err.toString().lines().toList());
    lines.remove(HINT);
    assertThat(lines).as(context).hasSize(1);
    String reason = lines.get(0);
    assertThat(reason).as(context).startsWith("konet: ").doesNotContain("Exception")
        .doesNotContain("\tat ");
    assertThat(reason.length()).as(context).isLessThanOrEqualTo(600);
    reason.codePoints().forEach(c -> assertThat(isUnsafe(c)).as(context).isFalse());
    if (code == Konet.FAILURE) {
      assertThat(reason).as(context).startsWith("konet: error: ");
    }
    assertThat(output).as(context + ": nothing is written").doesNotExist();
    return reason;
  }

  @Provide
  Arbitrary<String> labels() {
    return values(Arbitraries.of("org.opencontainers.image.title=hello", "team=shop",
        "k=v=w", "=v", "k=", "k", " k = v ", "k==", "a,b=c,d", "k=" + "v".repeat(5000),
        "k=@v", "k=-v", "k=--tag"));
  }

  @Provide
  Arbitrary<String> baseImages() {
    Arbitrary<String> key = Arbitraries.of("linux", "windows", "linux/amd64", "linux/arm64/v8",
        "LINUX/AMD64", "windows/amd64:ltsc2025", "macos", "", " linux", "linux/riscv64");
    Arbitrary<String> image = Arbitraries.of("mcr.microsoft.com/dotnet/runtime-deps:8.0",
        "registry.example.com/Shop:1", "mcr.microsoft.com/dotnet/runtime@sha256:0", "",
        "docker.io/alpine", "a:b:c");
    return values(Combinators.combine(key, image).as((k, v) -> k + "=" + v));
  }

  @Provide
  Arbitrary<String> mirrors() {
    return values(Arbitraries.of("mcr.microsoft.com=127.0.0.1:5000", "=x", "x=",
        "mcr.microsoft.com", "a=b=c", "mcr.microsoft.com= ", "mcr.microsoft.com=host name",
        "mcr.microsoft.com=http://mirror", "mcr.microsoft.com=127.0.0.1:99999999"));
  }

  @Provide
  Arbitrary<String> properties() {
    return values(Arbitraries.of("Configuration=Debug", "=x", "A B=c", "A=", "A;B=c", "A=b;c",
        "A", "_A-1=x", "1A=x", "A.B=c", "A=" + "x".repeat(5000)));
  }

  @Provide
  Arbitrary<List<List<String>>> mixes() {
    Arbitrary<List<String>> option = Arbitraries.oneOf(
        labels().map(v -> List.of("--label", v)),
        baseImages().map(v -> List.of("--base-image", v)),
        mirrors().map(v -> List.of("--mirror", v)),
        properties().map(v -> List.of("-P", v)));
    return option.list().ofMinSize(1).ofMaxSize(5);
  }

  @Provide
  Arbitrary<String> platformKeys() {
    return Arbitraries.of("linux", "Windows", "linux/amd64", "linux/arm64", "linux/arm64/v8",
        "LINUX/ARM64/V8", "linux/arm", "linux/arm/v7", "windows/amd64", "windows/amd64:LTSC2025",
        "windows/amd64:1809", "windows/amd64:10.0.20348.2849", " linux/amd64 ");
  }

  @Provide
  Arbitrary<String> atFiles() {
    return Arbitraries.of("@.", "@/", "@" + root, "@FILE", "@FILE=x");
  }

  /**
   * Near-valid values, sometimes spoiled by a hostile character, and any text at all; none
   * starting with '@', which valuesStartingWithAnAtSignAreTakenAsTheyAre is about.
   */
  private static Arbitrary<String> values(Arbitrary<String> nearValid) {
    Arbitrary<String> spoiled = Combinators.combine(nearValid,
            Arbitraries.of(NASTY.chars().mapToObj(c -> String.valueOf((char) c)).toList()),
            Arbitraries.doubles().between(0, 1))
        .as((text, nasty, where) -> {
          int at = (int) Math.round(where * text.length());
          return text.substring(0, at) + nasty + text.substring(at);
        });
    return Arbitraries.frequencyOf(
        Tuple.of(4, nearValid),
        Tuple.of(3, spoiled),
        Tuple.of(2, Arbitraries.strings().all().ofMaxLength(30)),
        Tuple.of(2, Arbitraries.strings().withChars(NASTY).ofMaxLength(20)),
        Tuple.of(1, Arbitraries.strings().withChars("=a/").ofMinLength(20_000)
            .ofMaxLength(40_000)))
        .filter(value -> !value.startsWith("@"));
  }

  static boolean isUnsafe(int codePoint) {
    int type = Character.getType(codePoint);
    return Character.isISOControl(codePoint) || type == Character.LINE_SEPARATOR
        || type == Character.PARAGRAPH_SEPARATOR || type == Character.FORMAT
        || type == Character.SURROGATE;
  }

  static String escaped(String text) {
    StringBuilder out = new StringBuilder("\"");
    text.codePoints().limit(300).forEach(c -> {
      if (isUnsafe(c) || c > 0x7e) {
        out.append(String.format("\\u%04x", c));
      } else {
        out.appendCodePoint(c);
      }
    });
    return out.append(text.length() > 300 ? "...\"" : "\"").toString();
  }
}
