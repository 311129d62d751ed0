package io.konet.core.registry;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/** A TLS server context with a throwaway self-signed certificate for 127.0.0.1, made once. */
final class SelfSignedTls {

  private static final char[] PASSWORD = "konet-test".toCharArray();
  private static SSLContext context;

  private SelfSignedTls() {}

  static synchronized SSLContext context() {
    if (context == null) {
      context = create();
    }
    return context;
  }

  /** keytool ships with every JDK; the JDK has no public API that signs a certificate. */
  private static SSLContext create() {
    try {
      Path directory = Files.createTempDirectory("konet-tls-");
      Path keyStore = directory.resolve("server.p12");
      Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
      Process process = new ProcessBuilder(List.of(keytool.toString(), "-genkeypair",
              "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1",
              "-dname", "CN=127.0.0.1", "-ext", "san=ip:127.0.0.1", "-validity", "2",
              "-storetype", "PKCS12", "-keystore", keyStore.toString(),
              "-storepass", new String(PASSWORD), "-keypass", new String(PASSWORD)))
          .redirectErrorStream(true)
          .start();
      String output = new String(process.getInputStream().readAllBytes());
      if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
        throw new IllegalStateException("keytool failed: " + output);
      }
      KeyStore store = KeyStore.getInstance("PKCS12");
      try (InputStream in = Files.newInputStream(keyStore)) {
        store.load(in, PASSWORD);
      }
      Files.delete(keyStore);
      Files.delete(directory);
      KeyManagerFactory keys =
          KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      keys.init(store, PASSWORD);
      SSLContext tls = SSLContext.getInstance("TLS");
      tls.init(keys.getKeyManagers(), null, null);
      return tls;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
