package io.konet.core.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.konet.core.KonetException;
import io.konet.core.build.RecordingLog;
import io.konet.core.image.BaseImage;
import io.konet.core.image.BaseImageResolver;
import io.konet.core.platform.PlatformParser;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Base images from a registry that answers wrongly: each answer ends the resolution with one
 * sentence saying what was wrong, without reading more than the limits allow, without hanging,
 * and without any other exception.
 */
class HostileRegistryTest {

  static final String REPOSITORY = "dotnet/runtime";
  static final String TAG_PATH = "/v2/" + REPOSITORY + "/manifests/8.0";
  static final long FIFTY_MB = 50L * 1024 * 1024;

  HostileRegistry registry;
  RecordingLog log;
  RegistrySession session;

  @BeforeEach
  void start() {
    registry = HostileRegistry.start();
    log = new RecordingLog();
    session =
        new RegistrySession(
            new RegistrySettings(Set.of(), Map.of("mcr.microsoft.com", registry.hostPort())),
            CredentialSource.anonymous(),
            log,
            // Short waits: a cut-short answer is worth another try, but not seconds of this test.
            new RetryPolicy(3, java.time.Duration.ofMillis(50), java.time.Duration.ofMillis(200),
                java.time.Duration.ofSeconds(5), java.time.Duration.ofSeconds(30), 64 * 1024));
  }

  @AfterEach
  void stop() {
    session.close();
    registry.close();
  }

  @Test
  void aWellFormedBaseResolves() throws Exception {
    BaseImageDocuments base = BaseImageDocuments.linuxAmd64();
    base.serveOn(registry, REPOSITORY, "8.0");

    BaseImage resolved =
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> resolve("8.0"));

    assertThat(resolved.manifestDigest()).isEqualTo(base.manifestDigest());
  }

  @Test
  void aManifestOf50MegabytesIsRefused() {
    registry.answer(TAG_PATH, HostileRegistry.huge(MediaTypeNames.OCI_INDEX, FIFTY_MB));

    String message = failure("8.0");

    assertThat(message).contains("more than 4 MiB").contains(REPOSITORY + ":8.0");
  }

  @Test
  void anEndlessManifestIsRefusedWithoutReadingOn() {
    registry.answer(TAG_PATH, HostileRegistry.endless(MediaTypeNames.OCI_INDEX));

    String message = failure("8.0");

    assertThat(message).contains("more than 4 MiB");
    assertThat(registry.bytesSentFor(TAG_PATH)).isLessThan(FIFTY_MB);
  }

  @Test
  void aManifestCutShortIsRefused() {
    byte[] index = BaseImageDocuments.linuxAmd64().index();
    registry.answer(TAG_PATH, HostileRegistry.truncated(MediaTypeNames.OCI_INDEX,
        Arrays.copyOf(index, index.length / 2), index.length));

    String message = failure("8.0");

    assertThat(message).contains(registry.hostPort()).contains("manifest " + REPOSITORY);
  }

  @Test
  void aPlatformManifestWhoseBytesDoNotMatchItsDigestIsRefused() {
    BaseImageDocuments base = BaseImageDocuments.linuxAmd64();
    base.serveOn(registry, REPOSITORY, "8.0");
    registry.answer(manifestPath(base.manifestDigest()),
        HostileRegistry.complete(MediaTypeNames.OCI_MANIFEST, base.otherManifest()));

    String message = failure("8.0");

    assertThat(message).contains(base.manifestDigest()).contains("refusing it");
  }

  @Test
  void aDigestNextToATagIsWhatIsReadAndChecked() {
    BaseImageDocuments base = BaseImageDocuments.linuxAmd64();
    base.serveOn(registry, REPOSITORY, "8.0");
    String pinned = Sha256.digest(base.otherManifest());
    registry.answer(manifestPath(pinned),
        HostileRegistry.complete(MediaTypeNames.OCI_MANIFEST, base.manifest()));

    String message = failure("8.0@" + pinned);

    assertThat(message).contains(pinned).contains("refusing it");
    assertThat(registry.requestsFor(TAG_PATH)).isZero();
  }

  @Test
  void anHtmlPageInsteadOfAManifestIsRefused() {
    registry.answer(TAG_PATH, HostileRegistry.complete("text/html; charset=utf-8",
        "<!doctype html><html><body>Sign in</body></html>".getBytes(StandardCharsets.UTF_8)));

    String message = failure("8.0");

    assertThat(message).contains("not JSON");
  }

  @Test
  void jsonServedAsTextHtmlIsRefusedForItsMediaType() {
    registry.answer(TAG_PATH, HostileRegistry.complete("text/html",
        "{\"schemaVersion\":2,\"manifests\":[]}".getBytes(StandardCharsets.UTF_8)));

    String message = failure("8.0");

    assertThat(message).contains("'text/html'").contains("not an image manifest or index");
  }

  @Test
  void aConfigOf50MegabytesIsRefused() {
    BaseImageDocuments base = BaseImageDocuments.linuxAmd64();
    base.serveOn(registry, REPOSITORY, "8.0");
    registry.answer(blobPath(base.configDigest()),
        HostileRegistry.huge("application/octet-stream", FIFTY_MB));

    String message = failure("8.0");

    assertThat(message).contains(base.configDigest()).contains("larger than 8192 KiB");
  }

  @Test
  void anEndlessConfigIsRefusedWithoutReadingOn() {
    BaseImageDocuments base = BaseImageDocuments.linuxAmd64();
    base.serveOn(registry, REPOSITORY, "8.0");
    String configPath = blobPath(base.configDigest());
    registry.answer(configPath, HostileRegistry.endless("application/octet-stream"));

    String message = failure("8.0");

    assertThat(message).contains("larger than 8192 KiB");
    assertThat(registry.bytesSentFor(configPath)).isLessThan(FIFTY_MB);
  }

  @Test
  void aConfigWhoseDigestDoesNotMatchIsRefused() {
    BaseImageDocuments base = BaseImageDocuments.linuxAmd64();
    base.serveOn(registry, REPOSITORY, "8.0");
    registry.answer(blobPath(base.configDigest()), HostileRegistry.complete(
        "application/octet-stream", "{\"os\":\"linux\"}".getBytes(StandardCharsets.UTF_8)));

    String message = failure("8.0");

    assertThat(message).contains(base.configDigest()).contains("digest");
  }

  @Test
  void anIndexEntryTheRegistryDoesNotHaveIsReported() {
    BaseImageDocuments base = BaseImageDocuments.linuxAmd64();
    registry.answer(TAG_PATH, HostileRegistry.complete(MediaTypeNames.OCI_INDEX, base.index()));

    String message = failure("8.0");

    assertThat(message).contains("lists " + base.manifestDigest() + " for linux/amd64")
        .contains("does not have it");
  }

  @Test
  void anIndexEntryWhoseDigestIsNoDigestIsRefused() {
    String notADigest = "sha256:../../../../v2/\r\nX-Injected: yes";
    registry.answer(TAG_PATH, HostileRegistry.complete(MediaTypeNames.OCI_INDEX,
        BaseImageDocuments.index(notADigest, 10)));

    String message = failure("8.0");

    assertThat(message).contains("digest");
  }

  @Test
  void aMediaTypeFieldWithALineBreakStaysOnOneLine() {
    registry.answer(TAG_PATH, HostileRegistry.complete(MediaTypeNames.OCI_INDEX,
        "{\"schemaVersion\":2,\"mediaType\":\"text/html\\nkonet: pushed index sha256:0\"}"
            .getBytes(StandardCharsets.UTF_8)));

    String message = failure("8.0");

    assertThat(message).contains("text/html");
  }

  private BaseImage resolve(String reference) throws KonetException {
    return new BaseImageResolver(session, log).resolve(
        ImageName.parse("mcr.microsoft.com/" + REPOSITORY + ":" + reference),
        PlatformParser.parse("linux/amd64"));
  }

  /**
   * Resolves and expects a {@link KonetException} with a one-line message, within a time that
   * leaves room for the session's retries (about 15 s of waits) but not for a hang; returns the
   * message.
   */
  private String failure(String reference) {
    Throwable thrown =
        assertTimeoutPreemptively(Duration.ofSeconds(90), () -> {
          try {
            resolve(reference);
            return null;
          } catch (Throwable t) {
            return t;
          }
        });
    assertThat(thrown).as("resolving must fail").isNotNull();
    assertThat(thrown).as("the failure type").isExactlyInstanceOf(KonetException.class);
    String message = thrown.getMessage();
    assertThat(message).isNotBlank().doesNotContain("\n").doesNotContain("\r");
    assertThat(message.codePoints().noneMatch(Character::isISOControl)).as(message).isTrue();
    assertThat(message.length()).as(message).isLessThan(600);
    return message;
  }

  static String manifestPath(String reference) {
    return "/v2/" + REPOSITORY + "/manifests/" + reference;
  }

  static String blobPath(String digest) {
    return "/v2/" + REPOSITORY + "/blobs/" + digest;
  }
}
