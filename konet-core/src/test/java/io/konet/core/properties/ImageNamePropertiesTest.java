package io.konet.core.properties;

import static org.assertj.core.api.Assertions.assertThat;

import io.konet.core.KonetException;
import io.konet.core.registry.ImageName;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * {@link ImageName#parse}: any text gives a reference that follows the distribution rules and
 * prints back to itself, or one clear sentence; never another exception.
 */
class ImageNamePropertiesTest {

  static final String[] RULES = {
    "is empty", "the digest must be", "the tag '", "the registry '",
    "repository names must be lowercase", "the repository '"
  };

  private static final Pattern REGISTRY = Pattern.compile("[A-Za-z0-9.-]+(:[0-9]+)?");
  private static final String COMPONENT = "[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*";
  private static final Pattern REPOSITORY =
      Pattern.compile(COMPONENT + "(?:/" + COMPONENT + ")*");
  private static final Pattern TAG = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}");
  private static final Pattern DIGEST = Pattern.compile("sha256:[0-9a-f]{64}");

  @Property(tries = 2000)
  void anyTextParsesToAValidReferenceOrIsRefusedClearly(@ForAll("anyText") String text) {
    checkParse(text);
  }

  @Property(tries = 3000)
  void nearValidReferencesParseToAValidReferenceOrAreRefusedClearly(
      @ForAll("nearValid") String text) {
    checkParse(text);
  }

  @Property(tries = 1000)
  void aValidReferencePrintsBackToItself(@ForAll("valid") String text) throws KonetException {
    ImageName name = ImageName.parse(text);

    assertValid(name, text);
    assertThat(ImageName.parse(name.toString())).isEqualTo(name);
  }

  @Property(tries = 300)
  void aDigestPinsTheImageEvenWithATag(@ForAll("valid") String text) throws KonetException {
    ImageName name = ImageName.parse(text);

    if (name.digest() != null) {
      assertThat(name.reference()).isEqualTo(name.digest());
    } else {
      assertThat(name.reference()).isEqualTo(name.tag());
    }
  }

  static void checkParse(String text) {
    ImageName name;
    try {
      name = ImageName.parse(text);
    } catch (KonetException e) {
      Refusals.assertClear(e, text, RULES);
      return;
    }
    assertValid(name, text);
    try {
      assertThat(ImageName.parse(name.toString())).isEqualTo(name);
    } catch (KonetException e) {
      throw new AssertionError(
          Refusals.escaped(text) + " parsed to " + name + ", which does not parse back", e);
    }
  }

  static void assertValid(ImageName name, String text) {
    String context = Refusals.escaped(text) + " parsed to " + Refusals.escaped(name.toString());
    assertThat(name.registry()).as(context).matches(REGISTRY);
    assertThat(name.repository()).as(context).matches(REPOSITORY);
    assertThat(name.tag() != null || name.digest() != null).as(context).isTrue();
    if (name.tag() != null) {
      assertThat(name.tag()).as(context).matches(TAG);
    }
    if (name.digest() != null) {
      assertThat(name.digest()).as(context).matches(DIGEST);
    }
  }

  @Provide
  Arbitrary<String> anyText() {
    return HostileText.any();
  }

  @Provide
  Arbitrary<String> nearValid() {
    return HostileText.spoiled(references(true));
  }

  @Provide
  Arbitrary<String> valid() {
    return references(false);
  }

  /** References built from parts; with {@code broken}, parts that break one rule too. */
  static Arbitrary<String> references(boolean broken) {
    Arbitrary<String> registry =
        broken
            ? Arbitraries.of("", "registry.example.com/", "127.0.0.1:5000/", "localhost/",
                "localhost:5000/", "Registry.Example.COM/", "docker.io/", "index.docker.io/",
                "[::1]:5000/", "exa_mple.com/", "example.com:/", "-bad.com/", "a..b/",
                "example.com:99999999999999999999/", "xn--bcher-kva.example/", "bücher.example/")
            : Arbitraries.of("", "registry.example.com/", "127.0.0.1:5000/", "localhost/",
                "localhost:5000/", "mcr.microsoft.com/", "docker.io/");
    Arbitrary<String> component =
        broken
            ? Arbitraries.oneOf(
                Arbitraries.of("shop", "a", "a.b", "a__b", "a---b", "Shop", "a..b", "_a", "a-",
                    "", "é", "a b", "a___b", "0"),
                Arbitraries.strings().withCharRange('a', 'z').withChars("0123456789._-A")
                    .ofMinLength(1).ofMaxLength(12))
            : Arbitraries.oneOf(
                Arbitraries.of("shop", "api", "dotnet", "runtime-deps", "a.b", "a__b", "a---b",
                    "0x"),
                Arbitraries.strings().withCharRange('a', 'z').numeric().ofMinLength(1)
                    .ofMaxLength(12));
    Arbitrary<String> repository =
        component.list().ofMinSize(1).ofMaxSize(4).map(parts -> String.join("/", parts));
    Arbitrary<String> tag =
        broken
            ? Arbitraries.oneOf(
                Arbitraries.of("", ":1.0", ":latest", ":-x", ":.x", ":", ":a:b",
                    ":" + "t".repeat(128), ":" + "t".repeat(129), ":1.0+build", ":8.0-ä"),
                Arbitraries.strings().alpha().numeric().withChars("_.-").ofMinLength(1)
                    .ofMaxLength(130).map(t -> ":" + t))
            : Arbitraries.oneOf(
                Arbitraries.of("", ":1.0", ":latest", ":8.0-alpine", ":_x", ":" + "t".repeat(128)),
                Arbitraries.strings().alpha().numeric().withChars("_").ofMinLength(1)
                    .ofMaxLength(20).map(t -> ":" + t));
    Arbitrary<String> hex64 = Arbitraries.strings().withChars("0123456789abcdef").ofLength(64);
    Arbitrary<String> digest =
        broken
            ? Arbitraries.oneOf(
                Arbitraries.of("", "", "@", "@sha256:", "@sha256:" + "A".repeat(64),
                    "@sha512:" + "a".repeat(128), "@md5:" + "0".repeat(32),
                    "@sha256:" + "0".repeat(63), "@sha256:" + "0".repeat(65),
                    "@foo+bar:" + "0".repeat(32)),
                hex64.map(hex -> "@sha256:" + hex))
            : Arbitraries.oneOf(Arbitraries.just(""), hex64.map(hex -> "@sha256:" + hex));
    return Combinators.combine(registry, repository, tag, digest)
        .as((r, p, t, d) -> r + p + t + d);
  }
}
