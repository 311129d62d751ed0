package io.konet.core.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.konet.core.KonetException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PlatformParserTest {

  @ParameterizedTest
  @CsvSource({
    "linux/amd64, linux/amd64, linux-x64, linux-musl-x64",
    "linux/arm64, linux/arm64, linux-arm64, linux-musl-arm64",
    "linux/arm64/v8, linux/arm64, linux-arm64, linux-musl-arm64",
    "linux/arm/v7, linux/arm/v7, linux-arm, linux-musl-arm",
    "linux/arm, linux/arm/v7, linux-arm, linux-musl-arm",
    "windows/amd64:ltsc2022, windows/amd64:ltsc2022, win-x64, win-x64",
    "windows/amd64:1809, windows/amd64:1809, win-x64, win-x64",
    "windows/amd64:LTSC2025, windows/amd64:ltsc2025, win-x64, win-x64",
    "windows/amd64:10.0.20348, windows/amd64:10.0.20348, win-x64, win-x64",
    "windows/amd64:10.0.17763.6532, windows/amd64:10.0.17763.6532, win-x64, win-x64",
    "' linux/amd64 ', linux/amd64, linux-x64, linux-musl-x64",
  })
  void parsesSupportedPlatformsAndMapsThemToRuntimeIdentifiers(
      String text, String canonical, String rid, String muslRid) throws KonetException {
    Platform platform = PlatformParser.parse(text);

    assertThat(platform).hasToString(canonical);
    assertThat(RuntimeIdentifiers.of(platform, BaseFamily.DEBIAN)).isEqualTo(rid);
    assertThat(RuntimeIdentifiers.of(platform, BaseFamily.ALPINE)).isEqualTo(muslRid);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "linux/riscv64", "linux/arm/v6", "linux/amd64/v3", "darwin/arm64", "windows/arm64",
        "windows/amd64:2019", "linux", "", "linux/amd64:ltsc2022", "LINUX AMD64", "../../etc"
      })
  void refusesUnknownPlatformsListingTheSupportedOnes(String text) {
    assertThatThrownBy(() -> PlatformParser.parse(text))
        .isInstanceOf(KonetException.class)
        .hasMessageContaining("'" + text.strip() + "'")
        .message()
        .doesNotContain("\n");
  }

  @Test
  void unknownPlatformMessageNamesEverySupportedPlatform() {
    assertThatThrownBy(() -> PlatformParser.parse("linux/s390x"))
        .hasMessageContaining("linux/amd64")
        .hasMessageContaining("linux/arm/v7")
        .hasMessageContaining("windows/amd64:ltsc2022")
        .hasMessageContaining("windows/amd64:1809");
  }

  @Test
  void defaultsToLinuxAmd64AndArm64WhenNoneAreGiven() throws KonetException {
    assertThat(PlatformParser.parseAll(List.of())).extracting(Platform::toString)
        .containsExactly("linux/amd64", "linux/arm64");
    assertThat(PlatformParser.parseList(" , ")).extracting(Platform::toString)
        .containsExactly("linux/amd64", "linux/arm64");
  }

  @Test
  void keepsOrderAndCollapsesDuplicatesAcrossRepeatedOptions() throws KonetException {
    List<Platform> platforms =
        PlatformParser.parseAll(List.of("linux/arm64,linux/amd64", "linux/arm64/v8,linux/arm/v7"));

    assertThat(platforms).extracting(Platform::toString)
        .containsExactly("linux/arm64", "linux/amd64", "linux/arm/v7");
  }

  @Test
  void tagSuffixesAreValidTagParts() throws KonetException {
    assertThat(PlatformParser.parse("linux/arm/v7").tagSuffix()).isEqualTo("linux-arm-v7");
    assertThat(PlatformParser.parse("windows/amd64:ltsc2022").tagSuffix())
        .isEqualTo("windows-amd64-ltsc2022");
  }

  @Test
  void windowsReleasesMatchTheirBuildNumbersOnly() {
    assertThat(WindowsRelease.LTSC2022.matchesOsVersion("10.0.20348.2849")).isTrue();
    assertThat(WindowsRelease.LTSC2022.matchesOsVersion("10.0.203481")).isFalse();
    assertThat(WindowsRelease.V1809.matchesOsVersion("10.0.20348.2849")).isFalse();
    assertThat(WindowsRelease.find("10.0.26100.1")).contains(WindowsRelease.LTSC2025);
  }
}
