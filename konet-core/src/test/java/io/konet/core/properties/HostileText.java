package io.konet.core.properties;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Text a user, a script, a copied web page or a broken form can hand to a parser: any UTF-16
 * unit (unpaired surrogates too), control characters, NUL, invisible and right-to-left marks,
 * and very long strings; plus a way to spoil near-valid text with one of them.
 */
final class HostileText {

  /** Characters that must never reach a message unescaped, and some separators parsers use. */
  static final String NASTY =
      "\u0000\u0001\u0007\b\t\n\u000b\f\r\u001b\u007f\u0085\u00a0\u2028\u2029\u200b\u202e"
          + "\ufeff\ud800\udc00\uffff /\\:@=.,-_%\"'$";

  private HostileText() {}

  /** Any text, weighted towards the kinds that break parsers. */
  static Arbitrary<String> any() {
    return Arbitraries.frequencyOf(
        Tuple.of(4, Arbitraries.strings().all().ofMaxLength(40)),
        Tuple.of(3, Arbitraries.strings().withChars(NASTY).ofMaxLength(24)),
        Tuple.of(3, Arbitraries.strings().ascii().ofMaxLength(40)),
        Tuple.of(2, Arbitraries.strings().withCharRange('\u0080', '\u2fff').ofMaxLength(24)),
        Tuple.of(1, veryLong()));
  }

  /** Tens of thousands of characters: a short random pattern repeated. */
  static Arbitrary<String> veryLong() {
    return Combinators.combine(
            Arbitraries.strings().all().ofMinLength(1).ofMaxLength(6),
            Arbitraries.integers().between(5_000, 120_000))
        .as((pattern, length) -> pattern.repeat(length / pattern.length() + 1));
  }

  /** Valid-looking text, sometimes with one hostile character put somewhere in it. */
  static Arbitrary<String> spoiled(Arbitrary<String> nearValid) {
    Arbitrary<String> withNasty =
        Combinators.combine(nearValid, Arbitraries.of(chars(NASTY)), Arbitraries.doubles()
                .between(0, 1))
            .as((text, nasty, where) -> {
              int at = (int) Math.round(where * text.length());
              return text.substring(0, at) + nasty + text.substring(at);
            });
    return Arbitraries.frequencyOf(Tuple.of(3, nearValid), Tuple.of(1, withNasty));
  }

  private static List<String> chars(String text) {
    return text.chars().mapToObj(c -> String.valueOf((char) c)).toList();
  }
}
