package io.konet.testing;

import java.nio.file.Path;

/**
 * A real registry in token mode, as Docker Hub, GHCR and Harbor run: {@code docker-registry} with
 * {@code auth.token} pointing at its own {@link TokenServer}, which grants what a {@link
 * TokenPolicy} allows.
 *
 * <pre>{@code
 * try (TokenAuthRegistry registry = TokenAuthRegistry.start(dir, policy)) {
 *   BaseImageSeeder.seed(registry.backDoor().http(), registry.hostPort());
 *   registry.hostPort();            // 127.0.0.1:PORT, answers 401 with a Bearer challenge
 *   registry.tokens().requests();   // what clients asked for and were granted
 * }
 * }</pre>
 *
 * <p>Beside it runs an open {@link TestRegistry} over the same storage, the back door: tests seed
 * through it and check what was pushed without needing tokens.
 *
 * <p>Needs {@code com.nimbusds:nimbus-jose-jwt} and {@code org.bouncycastle:bcpkix-jdk18on} on
 * the test classpath; konet-test-support declares them optional.
 */
public final class TokenAuthRegistry implements AutoCloseable {

  /** The registry's {@code auth.token.service}, the audience of its tokens. */
  public static final String SERVICE = "konet-test-registry";

  private final TokenServer tokens;
  private final TestRegistry backDoor;
  private final TestRegistry registry;

  private TokenAuthRegistry(TokenServer tokens, TestRegistry backDoor, TestRegistry registry) {
    this.tokens = tokens;
    this.backDoor = backDoor;
    this.registry = registry;
  }

  /**
   * Starts a token server with {@code policy} and a token-mode registry trusting it, storing under
   * {@code workDir}.
   */
  public static TokenAuthRegistry start(Path workDir, TokenPolicy policy) {
    TokenServer tokens = TokenServer.start(SERVICE, policy);
    TestRegistry backDoor = null;
    try {
      backDoor = TestRegistry.start(workDir.resolve("back-door"));
      Path bundle = tokens.writeRootCertBundle(workDir.resolve("token/root-certs.pem"));
      Path storage = backDoor.storageDir();
      TestRegistry registry =
          TestRegistry.startWithAuthSection(
              workDir.resolve("token"), storage, authSection(tokens, bundle));
      return new TokenAuthRegistry(tokens, backDoor, registry);
    } catch (RuntimeException e) {
      if (backDoor != null) {
        backDoor.close();
      }
      tokens.close();
      throw e;
    }
  }

  /** {@code 127.0.0.1:PORT} of the token-mode registry. */
  public String hostPort() {
    return registry.hostPort();
  }

  public TokenServer tokens() {
    return tokens;
  }

  /** An open registry over the same storage, for seeding and for checks; never for the product. */
  public TestRegistry backDoor() {
    return backDoor;
  }

  /** The token-mode registry itself, for kill and restart in fault tests. */
  public TestRegistry registry() {
    return registry;
  }

  /** The token-mode registry's own log. */
  public Path logFile() {
    return registry.logFile();
  }

  public boolean isRunning() {
    return registry.isRunning();
  }

  @Override
  public void close() {
    registry.close();
    backDoor.close();
    tokens.close();
  }

  private static String authSection(TokenServer tokens, Path bundle) {
    return String.join(
        "\n",
        "auth:",
        "  token:",
        "    realm: " + tokens.realm(),
        "    service: " + tokens.service(),
        "    issuer: " + TokenServer.ISSUER,
        "    rootcertbundle: " + bundle,
        "");
  }
}
