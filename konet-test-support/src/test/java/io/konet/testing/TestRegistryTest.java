package io.konet.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestRegistryTest {

  @TempDir Path workDir;

  @Test
  void startsOnLoopbackAndAnswersTheApi() throws Exception {
    try (TestRegistry registry = TestRegistry.start(workDir)) {
      assertThat(registry.hostPort()).matches("127\\.0\\.0\\.1:\\d+");
      assertThat(registry.http().ping()).isEqualTo(200);
      assertThat(registry.isRunning()).isTrue();
      assertThat(Files.readString(workDir.resolve("config.yml")))
          .contains("addr: " + registry.hostPort())
          .contains("rootdirectory: " + registry.storageDir())
          .contains("delete:\n    enabled: true");
    }
  }

  @Test
  void closeStopsTheProcessAndKeepsItsLog() throws Exception {
    TestRegistry registry = TestRegistry.start(workDir);
    RegistryHttp http = registry.http();
    registry.close();

    assertThat(registry.isRunning()).isFalse();
    assertThatThrownBy(http::ping)
        .isInstanceOf(UncheckedIOException.class)
        .hasCauseInstanceOf(ConnectException.class);
    assertThat(Files.readString(registry.logFile())).contains("listening on 127.0.0.1");
  }

  @Test
  void basicAuthAcceptsTheUserAndRefusesAWrongPassword() {
    try (TestRegistry registry = TestRegistry.startWithBasicAuth(workDir, "konet", "s3cret")) {
      assertThat(registry.http().ping()).isEqualTo(200);
      assertThat(new RegistryHttp(registry.hostPort(), "konet", "wrong").ping()).isEqualTo(401);
      assertThat(new RegistryHttp(registry.hostPort()).ping()).isEqualTo(401);
      assertThatThrownBy(
              () ->
                  new RegistryHttp(registry.hostPort(), "konet", "wrong")
                      .putBlob("a/b", new byte[1]))
          .isInstanceOf(RegistryHttpException.class)
          .hasMessageContaining("HTTP 401");
    }
  }

  @Test
  void theHtpasswdEntryIsBcrypt() throws Exception {
    try (TestRegistry registry = TestRegistry.startWithBasicAuth(workDir, "konet", "s3cret")) {
      String htpasswd = Files.readString(workDir.resolve("htpasswd"), StandardCharsets.UTF_8);
      assertThat(htpasswd).startsWith("konet:$2a$10$").doesNotContain("s3cret");
    }
  }

  @Test
  void killAndRestartKeepThePortAndTheStorage() {
    try (TestRegistry registry = TestRegistry.start(workDir)) {
      String digest =
          registry.http().putBlob("konet/test", "kept".getBytes(StandardCharsets.UTF_8));
      String hostPort = registry.hostPort();

      registry.kill();
      assertThat(registry.isRunning()).isFalse();
      registry.restart();

      assertThat(registry.hostPort()).isEqualTo(hostPort);
      assertThat(registry.http().getBlob("konet/test", digest)).asString().isEqualTo("kept");
    }
  }

  @Test
  void twoRegistriesRunSideBySide() {
    try (TestRegistry first = TestRegistry.start(workDir.resolve("one"));
        TestRegistry second = TestRegistry.start(workDir.resolve("two"))) {
      assertThat(first.port()).isNotEqualTo(second.port());
      assertThat(first.http().ping()).isEqualTo(200);
      assertThat(second.http().ping()).isEqualTo(200);
    }
  }
}
