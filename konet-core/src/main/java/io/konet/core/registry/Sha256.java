package io.konet.core.registry;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Content digests in the {@code sha256:<hex>} form registries use. */
public final class Sha256 {

  private Sha256() {}

  public static String digest(byte[] content) {
    return "sha256:" + HexFormat.of().formatHex(newDigest().digest(content));
  }

  static MessageDigest newDigest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
