package io.konet.testing;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.util.encoders.Base32;

/**
 * An RSA key made for one {@link TokenServer}, with the self-signed certificate a registry trusts
 * it by ({@code auth.token.rootcertbundle}); signs RS256 tokens that name the key in {@code kid}.
 */
public final class TokenSigningKey {

  private static final SecureRandom RANDOM = new SecureRandom();

  private final KeyPair keys;
  private final X509Certificate certificate;
  private final String keyId;

  private TokenSigningKey(KeyPair keys, X509Certificate certificate) {
    this.keys = keys;
    this.certificate = certificate;
    this.keyId = libtrustKeyId(keys.getPublic());
  }

  /** A new 2048-bit key and a certificate for it, valid from an hour ago for a day. */
  public static TokenSigningKey generate() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048, RANDOM);
      KeyPair keys = generator.generateKeyPair();
      X500Name name = new X500Name("CN=konet test token server");
      Instant now = Instant.now();
      JcaX509v3CertificateBuilder builder =
          new JcaX509v3CertificateBuilder(
              name,
              new BigInteger(64, RANDOM),
              Date.from(now.minus(Duration.ofHours(1))),
              Date.from(now.plus(Duration.ofDays(1))),
              name,
              keys.getPublic());
      // A CA certificate, so that a token carrying it in an x5c chain verifies as well.
      builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
      X509Certificate certificate =
          new JcaX509CertificateConverter()
              .getCertificate(
                  builder.build(new JcaContentSignerBuilder("SHA256withRSA")
                      .build(keys.getPrivate())));
      return new TokenSigningKey(keys, certificate);
    } catch (GeneralSecurityException | OperatorCreationException | CertIOException e) {
      throw new IllegalStateException("Could not make a token signing key", e);
    }
  }

  /** The key's ID as distribution 2.8 looks trusted keys up: the libtrust fingerprint. */
  public String keyId() {
    return keyId;
  }

  public X509Certificate certificate() {
    return certificate;
  }

  /** The certificate in PEM, the content of the registry's root cert bundle. */
  public String certificatePem() {
    StringWriter text = new StringWriter();
    try (JcaPEMWriter pem = new JcaPEMWriter(text)) {
      pem.writeObject(certificate);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return text.toString();
  }

  /** Signs {@code claims} as a compact RS256 JWT whose header names this key. */
  public String sign(JWTClaimsSet claims) {
    JWSHeader header =
        new JWSHeader.Builder(JWSAlgorithm.RS256)
            .type(JOSEObjectType.JWT)
            .keyID(keyId)
            .build();
    SignedJWT token = new SignedJWT(header, claims);
    try {
      token.sign(new RSASSASigner(keys.getPrivate()));
    } catch (JOSEException e) {
      throw new IllegalStateException("Could not sign a token", e);
    }
    return token.serialize();
  }

  /**
   * Docker's libtrust key ID: SHA-256 of the DER public key (SubjectPublicKeyInfo), cut to 240
   * bits, base32, in twelve groups of four joined by ':'. Computed here because no Java library
   * offers it: Nimbus computes RFC 7638 thumbprints, which distribution 3 accepts but 2.8 does not.
   */
  static String libtrustKeyId(PublicKey key) {
    byte[] hash;
    try {
      hash = MessageDigest.getInstance("SHA-256").digest(key.getEncoded());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
    // 30 bytes are 48 base32 characters, so there is no padding to strip.
    String base32 = Base32.toBase32String(Arrays.copyOf(hash, 30));
    StringBuilder id = new StringBuilder();
    for (int i = 0; i < base32.length(); i += 4) {
      id.append(i == 0 ? "" : ":").append(base32, i, i + 4);
    }
    return id.toString();
  }
}
