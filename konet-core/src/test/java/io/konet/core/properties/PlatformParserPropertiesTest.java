package io.konet.core.properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.konet.core.KonetException;
import io.konet.core.platform.BaseFamily;
import io.konet.core.platform.Platform;
import io.konet.core.platform.PlatformParser;
import io.konet.core.platform.RuntimeIdentifiers;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * {@link PlatformParser}: any text gives a supported platform whose text form parses back to it
 * and has a runtime identifier, or one clear sentence; never another exception.
 */
class PlatformParserPropertiesTest {

  private static final String[] RULES = {"Unknown platform '", "only Windows platforms take"};
  private static final Set<String> SHAPES =
      Set.of("linux/amd64", "linux/arm64", "linux/arm/v7", "windows/amd64");
  private static final Pattern WINDOWS_VERSION =
      Pattern.compile("ltsc2022|ltsc2025|1809|10\\.0\\.\\d{5}(\\.\\d+)?");
  private static final Pattern RID = Pattern.compile("linux-(musl-)?(x64|arm64|arm)|win-x64");
  private static final Pattern TAG_PART = Pattern.compile("[a-z0-9.-]+");

  @Property(tries = 2000)
  void anyTextGivesASupportedPlatformOrAClearRefusal(@ForAll("anyText") String text) {
    check(text);
  }

  @Property(tries = 3000)
  void nearValidPlatformsGiveASupportedPlatformOrAClearRefusal(@ForAll("nearValid") String text) {
    check(text);
  }

  @Property(tries = 1000)
  void listsGiveDistinctSupportedPlatformsOrAClearRefusal(
      @ForAll("items") List<String> items) {
    List<Platform> platforms;
    try {
      platforms = PlatformParser.parseAll(items);
    } catch (KonetException e) {
      Refusals.assertClear(e, String.valueOf(items), RULES);
      return;
    }
    assertThat(platforms).isNotEmpty().doesNotHaveDuplicates();
    platforms.forEach(platform -> assertSupported(platform, String.valueOf(items)));
  }

  @Property(tries = 500)
  void windowsVersionsThatAreNeitherAReleaseNorABuildAreRefused(
      @ForAll("malformedWindowsVersions") String version) {
    assertThatThrownBy(() -> PlatformParser.parse("windows/amd64:" + version))
        .isInstanceOf(KonetException.class)
        .hasMessageContaining("Unknown platform");
  }

  private static void check(String text) {
    Platform platform;
    try {
      platform = PlatformParser.parse(text);
    } catch (KonetException e) {
      Refusals.assertClear(e, text, RULES);
      return;
    }
    assertSupported(platform, text);
  }

  private static void assertSupported(Platform platform, String text) {
    String context = Refusals.escaped(text) + " parsed to " + platform;
    String shape = platform.os() + "/" + platform.architecture()
        + (platform.variant() == null ? "" : "/" + platform.variant());
    assertThat(SHAPES).as(context).contains(shape);
    if (platform.isWindows()) {
      assertThat(platform.osVersion()).as(context).matches(WINDOWS_VERSION);
    } else {
      assertThat(platform.osVersion()).as(context).isNull();
    }
    try {
      assertThat(PlatformParser.parse(platform.toString())).as(context).isEqualTo(platform);
    } catch (KonetException e) {
      throw new AssertionError(context + ", whose text form does not parse back", e);
    }
    for (BaseFamily family : BaseFamily.values()) {
      assertThat(RuntimeIdentifiers.of(platform, family)).as(context).matches(RID);
    }
    assertThat(platform.tagSuffix()).as(context).matches(TAG_PART);
  }

  @Provide
  Arbitrary<String> anyText() {
    return HostileText.any();
  }

  @Provide
  Arbitrary<String> nearValid() {
    Arbitrary<String> os = Arbitraries.of("linux", "windows", "Linux", "WINDOWS", "darwin", "",
        "linüx", "LİNUX", "wındows");
    Arbitrary<String> architecture = Arbitraries.of("amd64", "arm64", "arm", "AMD64", "x86_64",
        "riscv64", "", "arm64 ", "ａｍｄ64");
    Arbitrary<String> variant = Arbitraries.of("", "", "/v7", "/v8", "/V7", "/v6", "/", "/v7/v7");
    Arbitrary<String> osVersion = Arbitraries.oneOf(
        Arbitraries.of("", "", ":ltsc2022", ":LTSC2025", ":1809", ":10.0.20348",
            ":10.0.20348.2849", ":10.0.1", ":10.0.123456", ":", ":.", ":ltsc2019", ":2022"),
        malformedWindowsVersions().map(version -> ":" + version));
    Arbitrary<String> platform = Combinators.combine(os, architecture, variant, osVersion)
        .as((o, a, v, w) -> o + "/" + a + v + w);
    return HostileText.spoiled(Arbitraries.frequencyOf(
        Tuple.of(6, platform),
        Tuple.of(1, platform.map(p -> "  " + p + "\t")),
        Tuple.of(1, platform.map(p -> p.replace('/', '\\')))));
  }

  @Provide
  Arbitrary<List<String>> items() {
    Arbitrary<String> item = Arbitraries.frequencyOf(
        Tuple.of(1, HostileText.any()),
        Tuple.of(3, nearValid()),
        Tuple.of(3, nearValid().list().ofMaxSize(3).map(list -> String.join(",", list))));
    return item.list().ofMaxSize(4);
  }

  /** Release numbers with something after them, which name no Windows release. */
  @Provide
  Arbitrary<String> malformedWindowsVersions() {
    Arbitrary<String> prefix = Arbitraries.of("10.0.20348", "10.0.17763", "10.0.26100");
    Arbitrary<String> junk = Arbitraries.oneOf(
        Arbitraries.of(".", "..", ".x", ".1.", "x", ".2849.1"),
        Arbitraries.strings().withChars("abcz.").ofMinLength(1).ofMaxLength(6)
            .filter(s -> !s.matches("\\.\\d+")));
    return Combinators.combine(prefix, junk).as(String::concat);
  }
}
