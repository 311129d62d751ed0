package io.konet.core.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.konet.core.KonetException;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RegistrySettingsTest {

  @Test
  void allowsPlainHttpForLoopbackAndListedRegistriesOnly() {
    RegistrySettings settings = new RegistrySettings(Set.of("lab.internal:5000"), Map.of());

    assertThat(settings.allowsInsecure("127.0.0.1:5000")).isTrue();
    assertThat(settings.allowsInsecure("localhost:5000")).isTrue();
    assertThat(settings.allowsInsecure("[::1]:5000")).isTrue();
    assertThat(settings.allowsInsecure("lab.internal:5000")).isTrue();
    assertThat(settings.allowsInsecure("lab.internal")).isFalse();
    assertThat(settings.allowsInsecure("registry.example.com")).isFalse();
    assertThat(settings.allowsInsecure("10.0.0.1:5000")).isFalse();
  }

  @Test
  void mirrorsMapOneRegistryToAnotherHost() throws KonetException {
    Map.Entry<String, String> mirror =
        RegistrySettings.parseMirror("mcr.microsoft.com=127.0.0.1:5001");
    RegistrySettings settings =
        new RegistrySettings(Set.of(), Map.of(mirror.getKey(), mirror.getValue()));

    assertThat(settings.mirrorFor("mcr.microsoft.com")).isEqualTo("127.0.0.1:5001");
    assertThat(settings.mirrorFor("registry.example.com")).isEqualTo("registry.example.com");
    assertThatThrownBy(() -> RegistrySettings.parseMirror("mcr.microsoft.com"))
        .hasMessageContaining("REGISTRY=HOST");
  }

  @Test
  void credentialsNeverShowTheirPassword() {
    RegistryCredential credential = new RegistryCredential("alice", "s3cr3t-pass", "test");

    assertThat(credential.toString()).doesNotContain("s3cr3t-pass").contains("alice");
    assertThat(credential.describeUser()).doesNotContain("s3cr3t-pass");
    assertThat(credential).isNotInstanceOf(java.io.Serializable.class);
  }
}
