package io.konet.core.properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.konet.core.KonetException;
import io.konet.core.platform.Platform;
import io.konet.core.platform.PlatformParser;
import io.konet.core.registry.ImageName;
import io.konet.core.registry.ImageTags;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * {@link ImageTags}: the main reference and extra tags either give names in one repository that
 * registries accept, or one clear sentence; never another exception.
 */
class ImageTagsPropertiesTest {

  private static final String[] RULES = concat(ImageNamePropertiesTest.RULES,
      "Invalid tag '", "a tag is 1 to 128", "No tag given", "must name the repository",
      "names a digest", "per-platform tag");

  private static final String BARE_TAG_REFUSAL = "Invalid tag '";
  private static final Pattern TAG = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}");

  @Property(tries = 1500)
  void anyExtraTagsGiveNamesOrAClearRefusal(
      @ForAll("main") String main, @ForAll("extras") List<String> extras) {
    List<ImageName> names;
    try {
      names = ImageTags.parse(main, extras);
    } catch (KonetException e) {
      if (e.getMessage().startsWith(BARE_TAG_REFUSAL)) {
        // Shown as typed, whatever it holds: bareTagsAreRefusedOnOneShortLine has the rule.
        Refusals.assertNamesTheRule(e, main + " " + extras, RULES);
      } else {
        Refusals.assertClear(e, main + " " + extras, RULES);
      }
      return;
    }
    assertThat(names).hasSize(extras.size() + 1);
    for (ImageName name : names) {
      ImageNamePropertiesTest.assertValid(name, main + " " + extras);
    }
  }

  @Property(tries = 1000)
  void bareTagsAreRefusedOnOneShortLine(@ForAll("bareTags") String tag) {
    try {
      ImageTags.parse("registry.example.com/shop/api:1", List.of(tag));
    } catch (KonetException e) {
      Refusals.assertClear(e, tag, RULES);
    }
  }

  @Property(tries = 500)
  void aTagThatAlsoNamesADigestIsRefused(@ForAll("hex64") String hex) throws KonetException {
    List<ImageName> names =
        ImageTags.parse("registry.example.com/shop/api:1@sha256:" + hex, List.of("2"));

    assertThatThrownBy(() -> ImageTags.tagNames(names, List.of(), false))
        .isInstanceOf(KonetException.class)
        .hasMessageContaining("digest");
  }

  @Property(tries = 1500)
  void tagNamesAreValidUniqueAndMainFirstOrAClearRefusal(
      @ForAll("main") String main,
      @ForAll("extras") List<String> extras,
      @ForAll("platforms") List<Platform> platforms,
      @ForAll boolean platformTags) {
    List<ImageName> names;
    try {
      names = ImageTags.parse(main, extras);
    } catch (KonetException e) {
      return;
    }
    List<String> tags;
    try {
      tags = ImageTags.tagNames(names, platforms, platformTags);
    } catch (KonetException e) {
      Refusals.assertClear(e, main + " " + extras, RULES);
      return;
    }
    assertThat(tags).isNotEmpty().doesNotHaveDuplicates();
    assertThat(tags.get(0)).isEqualTo(names.get(0).tag());
    assertThat(new HashSet<>(tags))
        .isEqualTo(new HashSet<>(names.stream().map(ImageName::tag).toList()));
    for (ImageName name : names) {
      assertThat(name.repositoryName()).isEqualTo(names.get(0).repositoryName());
    }
    for (String tag : tags) {
      assertThat(tag).matches(TAG);
      if (platformTags) {
        for (Platform platform : platforms) {
          assertThat(tag + "-" + platform.tagSuffix()).matches(TAG);
        }
      }
    }
  }

  @Provide
  Arbitrary<String> main() {
    return Arbitraries.frequencyOf(
        Tuple.of(1, HostileText.any()),
        Tuple.of(4, HostileText.spoiled(ImageNamePropertiesTest.references(true))),
        Tuple.of(4, ImageNamePropertiesTest.references(false)));
  }

  @Provide
  Arbitrary<String> bareTags() {
    Arbitrary<String> bareTag =
        Arbitraries.oneOf(
            Arbitraries.of("latest", "1.0", "-x", ".x", "", "  ", "t".repeat(128),
                "t".repeat(129), "t".repeat(110), "v1+x"),
            Arbitraries.strings().alpha().numeric().withChars("_.-").ofMinLength(1)
                .ofMaxLength(130));
    return Arbitraries.oneOf(HostileText.spoiled(bareTag), HostileText.any());
  }

  @Provide
  Arbitrary<String> hex64() {
    return Arbitraries.strings().withChars("0123456789abcdef").ofLength(64);
  }

  @Provide
  Arbitrary<List<String>> extras() {
    Arbitrary<String> extra =
        Arbitraries.frequencyOf(
            Tuple.of(6, bareTags()),
            Tuple.of(2, ImageNamePropertiesTest.references(true)),
            Tuple.of(2, Arbitraries.of("registry.example.com/shop/api:2",
                "registry.example.com/shop/api@sha256:" + "a".repeat(64),
                "registry.example.com/shop/api:2@sha256:" + "a".repeat(64),
                "registry.example.com/other:2")));
    return extra.list().ofMaxSize(4);
  }

  @Provide
  Arbitrary<List<Platform>> platforms() {
    List<Platform> supported = new ArrayList<>();
    for (String text : List.of("linux/amd64", "linux/arm64", "linux/arm/v7",
        "windows/amd64:ltsc2022", "windows/amd64:1809", "windows/amd64:ltsc2025",
        "windows/amd64:10.0.20348.2849")) {
      try {
        supported.add(PlatformParser.parse(text));
      } catch (KonetException e) {
        throw new AssertionError(e);
      }
    }
    return Arbitraries.subsetOf(supported).ofMinSize(1).map(ArrayList::new);
  }

  private static String[] concat(String[] first, String... second) {
    List<String> all = new ArrayList<>(List.of(first));
    all.addAll(List.of(second));
    return all.toArray(String[]::new);
  }
}
