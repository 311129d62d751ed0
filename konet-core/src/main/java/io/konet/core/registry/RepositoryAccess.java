package io.konet.core.registry;

import com.google.cloud.tools.jib.api.DescriptorDigest;
import com.google.cloud.tools.jib.blob.Blobs;
import com.google.cloud.tools.jib.registry.RegistryClient;
import io.konet.core.KonetException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.security.DigestException;
import java.util.Optional;
import java.util.function.LongConsumer;

/**
 * Authenticated access to one repository of one registry: blobs through Jib's registry client,
 * manifests through {@link ManifestReader} and Jib's manifest pusher; every call is retried when
 * its failure passes, and uploads are watched for stalls.
 */
public final class RepositoryAccess {

  /** Digest of empty content: asking for it tells whether access works, without side effects. */
  private static final String EMPTY_DIGEST =
      "sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

  private final String registry;
  private final String repository;
  private final RegistryClient client;
  private final ManifestReader manifests;
  private final Optional<RegistryCredential> credential;
  private final Retrier retrier;
  private final UploadWatchdog watchdog;
  private final Runnable abortUploads;

  RepositoryAccess(
      String registry,
      String repository,
      RegistryClient client,
      ManifestReader manifests,
      Optional<RegistryCredential> credential,
      Retrier retrier,
      UploadWatchdog watchdog,
      Runnable abortUploads) {
    this.registry = registry;
    this.repository = repository;
    this.client = client;
    this.manifests = manifests;
    this.credential = credential;
    this.retrier = retrier;
    this.watchdog = watchdog;
    this.abortUploads = abortUploads;
  }

  public String registry() {
    return registry;
  }

  public String repository() {
    return repository;
  }

  private Retrier.Call call(String action) {
    return new Retrier.Call(registry, repository, action, credential, true);
  }

  /** Fails now, with a clear reason, when the registry cannot be reached or refuses reading. */
  public void verifyAccess() throws KonetException {
    retrier.call(
        new Retrier.Call(registry, repository, "logging in to " + repository, credential, false),
        () -> client.checkBlob(parseDigest(EMPTY_DIGEST)));
  }

  /**
   * Fails now, with a clear reason, when the registry would refuse a push: reading rights are
   * not enough (a token may grant pull only), so this uploads the empty blob, which every image
   * may name and which costs one small request, and only a real upload can prove.
   */
  public void verifyPushAccess() throws KonetException {
    DescriptorDigest empty = parseDigest(EMPTY_DIGEST);
    retrier.call(
        new Retrier.Call(registry, repository, "checking the right to push to " + repository,
            credential, false),
        () -> client.pushBlob(empty, Blobs.from(""), null, count -> {}));
  }

  /** Reads a manifest or index by tag or digest; empty when the registry has none. */
  public Optional<RawManifest> manifest(String reference) throws KonetException {
    return manifests.fetch(reference);
  }

  public boolean hasBlob(String digest) throws KonetException {
    DescriptorDigest parsed = parseDigest(digest);
    return retrier.call(call("checking blob " + digest), () -> client.checkBlob(parsed))
        .isPresent();
  }

  /**
   * Uploads a blob unless the registry has it; with {@code mountFrom}, asks the registry to link
   * it from that repository of the same registry first. A broken or stuck upload starts again
   * from its first byte.
   *
   * @return true when nothing was uploaded (the registry had or mounted the blob)
   */
  public boolean pushBlob(
      String digest, long size, BlobContent content, String mountFrom, LongConsumer bytesSent)
      throws KonetException {
    DescriptorDigest parsed = parseDigest(digest);
    return retrier.call(
        call("pushing blob " + digest),
        () -> {
          try (UploadWatchdog.Ticket ticket = watchdog.watch(digest, size, abortUploads)) {
            try {
              return client.pushBlob(
                  parsed,
                  Blobs.from(out -> content.writeTo(ticket.watch(out)), true),
                  mountFrom,
                  bytesSent::accept);
            } catch (Exception e) {
              throw ticket.explain(e);
            }
          }
        });
  }

  /**
   * Streams a blob into {@code out}, checking its digest as the bytes pass. Not retried here:
   * bytes already written cannot be taken back, so a broken read fails whatever it feeds (an
   * upload), which then starts again as a whole.
   */
  public void pullBlob(String digest, OutputStream out, LongConsumer bytesReceived)
      throws IOException {
    try {
      client.pullBlob(parseDigest(digest), size -> {}, bytesReceived::accept).writeTo(out);
    } catch (KonetException e) {
      throw new IOException(e.getMessage(), e);
    }
  }

  /** Reads a small blob, such as an image config, refusing one larger than {@code limit}. */
  public byte[] pullSmallBlob(String digest, int limit) throws KonetException {
    DescriptorDigest parsed = parseDigest(digest);
    return retrier.call(
        call("reading blob " + digest),
        () -> {
          ByteArrayOutputStream bytes = new ByteArrayOutputStream();
          client.pullBlob(parsed, size -> {}, count -> {})
              .writeTo(bounded(bytes, digest, limit, abortUploads));
          return bytes.toByteArray();
        });
  }

  /**
   * Collects at most {@code limit} bytes; past that, cuts the connections first (closing the
   * answer normally would read it to its end) and refuses.
   */
  private static OutputStream bounded(
      ByteArrayOutputStream bytes, String digest, int limit, Runnable abortConnections) {
    return new OutputStream() {
      @Override
      public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
      }

      @Override
      public void write(byte[] data, int offset, int length) throws IOException {
        if (bytes.size() + length > limit) {
          abortConnections.run();
          throw new TooLargeException(
              "blob " + digest + " is larger than " + limit / 1024 + " KiB; refusing it");
        }
        bytes.write(data, offset, length);
      }
    };
  }

  /** A blob larger than this product accepts for its purpose; never worth trying again. */
  static final class TooLargeException extends IOException {
    private static final long serialVersionUID = 1L;

    TooLargeException(String message) {
      super(message);
    }
  }

  /** Pushes a manifest or index under {@code reference} (a tag, or its own digest). */
  public String pushManifest(byte[] body, String mediaType, String reference)
      throws KonetException {
    String pushed =
        retrier.call(
            call("pushing manifest " + repository + ":" + reference),
            () ->
                client.pushManifest(new RawManifestTemplate(body, mediaType), reference)
                    .toString());
    String expected = Sha256.digest(body);
    if (!pushed.equals(expected)) {
      throw new KonetException(
          "Pushing " + repository + ":" + reference + " gave digest " + pushed + " where "
              + expected + " was expected.");
    }
    return pushed;
  }

  private static DescriptorDigest parseDigest(String digest) throws KonetException {
    try {
      return DescriptorDigest.fromDigest(digest);
    } catch (DigestException e) {
      throw new KonetException("'" + digest + "' is not a sha256 digest.", e);
    }
  }
}
