package io.konet.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A manifest or index exactly as a registry served it: its media type, its bytes and the digest of
 * those bytes.
 */
public record RawManifest(String mediaType, byte[] bytes, String digest) {

  private static final ObjectMapper JSON = new ObjectMapper();

  public RawManifest {
    bytes = bytes.clone();
  }

  @Override
  public byte[] bytes() {
    return bytes.clone();
  }

  public String text() {
    return new String(bytes, StandardCharsets.UTF_8);
  }

  public JsonNode json() {
    try {
      return JSON.readTree(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException("Manifest " + digest + " is not JSON", e);
    }
  }

  /** True for a Docker manifest list or an OCI image index. */
  public boolean isIndex() {
    return RegistryHttp.DOCKER_MANIFEST_LIST.equals(mediaType)
        || RegistryHttp.OCI_INDEX.equals(mediaType);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof RawManifest that
        && mediaType.equals(that.mediaType)
        && digest.equals(that.digest)
        && Arrays.equals(bytes, that.bytes);
  }

  @Override
  public int hashCode() {
    return digest.hashCode();
  }

  @Override
  public String toString() {
    return "RawManifest[" + mediaType + " " + digest + " (" + bytes.length + " bytes)]";
  }
}
