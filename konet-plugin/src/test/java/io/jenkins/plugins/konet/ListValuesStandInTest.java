package io.jenkins.plugins.konet;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.AbortException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * {@link ListValues} with whatever a Pipeline or a form sends: items come out trimmed, non-blank
 * and split as documented; {@code KEY=VALUE} lists give usable pairs or an {@link
 * AbortException} whose message is one short line naming the item.
 */
class ListValuesStandInTest {

  static final String NASTY =
      "\u0000\u0001\u0007\b\t\n\u000b\f\r\u001b\u007f\u0085\u00a0\u2028\u2029\u200b\u202e"
          + "\ufeff\ud800\udc00\uffff /\\:@=.,-_%\"'$";

  @Property(tries = 1000)
  void normalizeGivesTrimmedItemsWithoutSeparatorsAndIsStable(
      @ForAll("values") List<String> values) {
    List<String> items = ListValues.normalize(values);

    for (String item : items) {
      assertThat(item).isNotBlank().isEqualTo(item.strip()).doesNotContain(",", "\r", "\n");
    }
    assertThat(ListValues.normalize(items)).isEqualTo(items);
    assertThat(ListValues.normalize(List.of(ListValues.asText(items)))).isEqualTo(items);
  }

  @Property(tries = 1000)
  void normalizeLinesKeepsCommasAndIsStable(@ForAll("values") List<String> values) {
    List<String> items = ListValues.normalizeLines(values);

    for (String item : items) {
      assertThat(item).isNotBlank().isEqualTo(item.strip()).doesNotContain("\r", "\n");
    }
    assertThat(ListValues.normalizeLines(items)).isEqualTo(items);
    assertThat(ListValues.normalizeLines(List.of(ListValues.asText(items)))).isEqualTo(items);
  }

  @Property(tries = 2000)
  void pairsOfAFormAreUsableOrRefusedOnOneLine(@ForAll("values") List<String> values) {
    checkPairs(ListValues.normalizeLines(values));
  }

  @Property(tries = 1000)
  void pairsOfRawItemsAreUsableOrRefusedOnOneLine(@ForAll("values") List<String> items) {
    List<String> present = new ArrayList<>(items == null ? List.of() : items);
    present.removeIf(item -> item == null);
    checkPairs(present);
  }

  @Property(tries = 500)
  void wellFormedPairsComeBackAsWritten(@ForAll("pairMaps") Map<String, String> pairs)
      throws AbortException {
    List<String> lines = new ArrayList<>();
    pairs.forEach((key, value) -> lines.add(" " + key + " = " + value + " "));

    Map<String, String> read =
        ListValues.pairs(ListValues.normalizeLines(List.of(ListValues.asText(lines))), "label");

    assertThat(read).containsExactlyEntriesOf(pairs);
  }

  private static void checkPairs(List<String> items) {
    Map<String, String> pairs;
    try {
      pairs = ListValues.pairs(items, "label");
    } catch (AbortException e) {
      String message = e.getMessage();
      String context = "message for " + escaped(String.valueOf(items)) + ": " + escaped(message);
      assertThat(message).as(context).startsWith("Invalid label '");
      assertThat(message.length()).as(context).isLessThanOrEqualTo(600);
      message.codePoints().forEach(c -> assertThat(isUnsafe(c)).as(context).isFalse());
      return;
    }
    String context = escaped(String.valueOf(items)) + " gave " + escaped(pairs.toString());
    assertThat(pairs.size()).as(context).isLessThanOrEqualTo(items.size());
    pairs.forEach((key, value) -> {
      assertThat(key).as(context).isNotBlank().isEqualTo(key.strip()).doesNotContain("=");
      assertThat(value).as(context).isEqualTo(value.strip());
      assertThat((key + value).codePoints().noneMatch(ListValuesStandInTest::isUnsafe))
          .as(context).isTrue();
    });
  }

  @Provide
  Arbitrary<List<String>> values() {
    Arbitrary<String> nearValid = Arbitraries.of("team=shop", "a=b=c", "=v", "k=", "k",
        " k = v ", "a,b=c,d", "k=v\nl=w", "k=v\r\n\r\nl=w", "linux/arm64=registry/x:1",
        "Configuration=Debug", " = ", "k=v,", ",", "\n", "");
    Arbitrary<String> spoiled = Combinators.combine(nearValid,
            Arbitraries.of(NASTY.chars().mapToObj(c -> String.valueOf((char) c)).toList()),
            Arbitraries.doubles().between(0, 1))
        .as((text, nasty, where) -> {
          int at = (int) Math.round(where * text.length());
          return text.substring(0, at) + nasty + text.substring(at);
        });
    Arbitrary<String> value = Arbitraries.frequencyOf(
        Tuple.of(4, nearValid),
        Tuple.of(4, spoiled),
        Tuple.of(3, Arbitraries.strings().all().ofMaxLength(30)),
        Tuple.of(3, Arbitraries.strings().withChars(NASTY).ofMaxLength(20)),
        Tuple.of(1, Arbitraries.strings().withChars("=a\n,").ofMinLength(10_000)
            .ofMaxLength(30_000)));
    return value.injectNull(0.05).list().ofMaxSize(5).injectNull(0.02);
  }

  @Provide
  Arbitrary<Map<String, String>> pairMaps() {
    Arbitrary<String> key = Arbitraries.strings().alpha().numeric().withChars("._-/")
        .ofMinLength(1).ofMaxLength(20);
    Arbitrary<String> value = Arbitraries.strings().alpha().numeric().withChars(" ._-/=,:@")
        .ofMaxLength(30).map(String::strip);
    return Arbitraries.maps(key, value).ofMaxSize(5).map(LinkedHashMap::new);
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
