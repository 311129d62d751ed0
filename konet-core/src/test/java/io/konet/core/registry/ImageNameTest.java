package io.konet.core.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.konet.core.KonetException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ImageNameTest {

  @Test
  void parsesRegistryRepositoryAndTag() throws KonetException {
    ImageName name = ImageName.parse("127.0.0.1:5000/shop/api:1.4");

    assertThat(name.registry()).isEqualTo("127.0.0.1:5000");
    assertThat(name.repository()).isEqualTo("shop/api");
    assertThat(name.tag()).isEqualTo("1.4");
    assertThat(name).hasToString("127.0.0.1:5000/shop/api:1.4");
  }

  @Test
  void defaultsToLatest() throws KonetException {
    assertThat(ImageName.parse("registry.example.com/api").tag()).isEqualTo("latest");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "registry.example.com/Shop/API:1 | repository names must be lowercase",
        "registry.example.com/shop/api:bad!tag | the tag 'bad!tag'",
        "registry.example.com/shop/a$pi:1 | may hold only lowercase letters",
        "registry.example.com/shop/api:-x | the tag '-x'",
        "registry.example.com/shop/api@sha256:1234 | the digest must be sha256",
        "registry.example.com//api:1 | may hold only lowercase letters",
      })
  void explainsWhichPartOfAnInvalidReferenceIsWrong(String text, String reason) {
    assertThatThrownBy(() -> ImageName.parse(text))
        .isInstanceOf(KonetException.class)
        .hasMessageStartingWith("Invalid image reference '" + text + "'")
        .hasMessageContaining(reason)
        .message()
        .doesNotContain("\n");
  }

  @Test
  void refusesAnEmptyReference() {
    assertThatThrownBy(() -> ImageName.parse("  ")).isInstanceOf(KonetException.class)
        .hasMessageContaining("empty");
  }
}
