package io.konet.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RegistryHttpTest {

  @RegisterExtension static final RegistryExtension REGISTRY = RegistryExtension.open();

  @Test
  void blobsGoUpAndComeBackByDigest() {
    RegistryHttp http = REGISTRY.http();
    byte[] content = "layer bytes".getBytes(StandardCharsets.UTF_8);

    String digest = http.putBlob("konet/blobs", content);

    assertThat(digest).isEqualTo(RegistryHttp.digestOf(content)).startsWith("sha256:");
    assertThat(http.blobExists("konet/blobs", digest)).isTrue();
    assertThat(http.blobExists("konet/other", digest)).isFalse();
    assertThat(http.getBlob("konet/blobs", digest)).isEqualTo(content);
  }

  @Test
  void manifestsAreServedWithTheirMediaTypeAndDigest() {
    RegistryHttp http = REGISTRY.http();
    byte[] config =
        ("{\"architecture\":\"amd64\",\"os\":\"linux\","
                + "\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[]}}")
            .getBytes(StandardCharsets.UTF_8);
    String configDigest = http.putBlob("konet/manifests", config);
    byte[] manifest =
        ("{\"schemaVersion\":2,\"mediaType\":\""
                + RegistryHttp.OCI_MANIFEST
                + "\","
                + "\"config\":{\"mediaType\":\"application/vnd.oci.image.config.v1+json\","
                + "\"digest\":\""
                + configDigest
                + "\",\"size\":"
                + config.length
                + "},"
                + "\"layers\":[]}")
            .getBytes(StandardCharsets.UTF_8);

    String digest = http.putManifest("konet/manifests", "v1", RegistryHttp.OCI_MANIFEST, manifest);
    RawManifest byTag = http.getManifest("konet/manifests", "v1");
    RawManifest byDigest = http.getManifest("konet/manifests", digest);

    assertThat(byTag.mediaType()).isEqualTo(RegistryHttp.OCI_MANIFEST);
    assertThat(byTag.bytes()).isEqualTo(manifest);
    assertThat(byTag.digest()).isEqualTo(digest);
    assertThat(byDigest).isEqualTo(byTag);
    assertThat(byTag.json().path("config").path("digest").asText()).isEqualTo(configDigest);
    assertThat(byTag.isIndex()).isFalse();
    assertThat(http.tags("konet/manifests")).containsExactly("v1");
    assertThat(http.catalog()).contains("konet/manifests");
  }

  @Test
  void aMissingManifestIsEmptyOrAClearError() {
    RegistryHttp http = REGISTRY.http();

    assertThat(http.findManifest("konet/nothing", "latest")).isEmpty();
    assertThat(http.tags("konet/nothing")).isEmpty();
    assertThatThrownBy(() -> http.getManifest("konet/nothing", "latest"))
        .isInstanceOf(RegistryHttpException.class)
        .hasMessageContaining("no manifest konet/nothing:latest")
        .extracting(e -> ((RegistryHttpException) e).statusCode())
        .isEqualTo(404);
  }

  @Test
  void aManifestWhoseBlobsAreMissingIsRefusedWithTheRegistrysReason() {
    byte[] manifest =
        ("{\"schemaVersion\":2,\"mediaType\":\""
                + RegistryHttp.OCI_MANIFEST
                + "\","
                + "\"config\":{\"mediaType\":\"application/vnd.oci.image.config.v1+json\","
                + "\"digest\":\"sha256:"
                + "0".repeat(64)
                + "\",\"size\":2},\"layers\":[]}")
            .getBytes(StandardCharsets.UTF_8);

    assertThatThrownBy(
            () ->
                REGISTRY.http().putManifest("konet/bad", "v1", RegistryHttp.OCI_MANIFEST, manifest))
        .isInstanceOf(RegistryHttpException.class)
        .hasMessageContaining("HTTP 400")
        .hasMessageContaining("MANIFEST_BLOB_UNKNOWN");
  }
}
