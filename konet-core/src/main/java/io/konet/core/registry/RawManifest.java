package io.konet.core.registry;

import java.util.Arrays;

/**
 * A manifest or index exactly as the registry holds it: its bytes, so the digest stays true and
 * no field is lost, with its media type and digest.
 */
public record RawManifest(String mediaType, byte[] bytes, String digest) {

  public RawManifest {
    bytes = bytes.clone();
  }

  @Override
  public byte[] bytes() {
    return bytes.clone();
  }

  public int size() {
    return bytes.length;
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
    return "RawManifest[" + mediaType + ", " + digest + ", " + bytes.length + " bytes]";
  }
}
