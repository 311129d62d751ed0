package io.konet.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * A small client for the Docker Registry HTTP API v2 over plain HTTP, written apart from the
 * product's own registry code so that tests can seed registries and check what the product pushed
 * without trusting it.
 */
public final class RegistryHttp {

  public static final String DOCKER_MANIFEST =
      "application/vnd.docker.distribution.manifest.v2+json";
  public static final String DOCKER_MANIFEST_LIST =
      "application/vnd.docker.distribution.manifest.list.v2+json";
  public static final String OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json";
  public static final String OCI_INDEX = "application/vnd.oci.image.index.v1+json";

  private static final String ACCEPT_MANIFESTS =
      String.join(", ", OCI_INDEX, DOCKER_MANIFEST_LIST, OCI_MANIFEST, DOCKER_MANIFEST);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final URI base;
  private final Optional<String> authorization;
  private final HttpClient client;

  /** A client without credentials. */
  public RegistryHttp(String hostPort) {
    this(hostPort, Optional.empty());
  }

  /** A client that sends HTTP basic credentials with every request. */
  public RegistryHttp(String hostPort, String user, String password) {
    this(hostPort, Optional.of(basic(user, password)));
  }

  private RegistryHttp(String hostPort, Optional<String> authorization) {
    this.base = URI.create("http://" + hostPort);
    this.authorization = authorization;
    this.client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();
  }

  /** {@code sha256:<hex>} of the bytes, as registries name content. */
  public static String digestOf(byte[] content) {
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      return "sha256:" + HexFormat.of().formatHex(sha256.digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The status of {@code GET /v2/}: 200 when open, 401 when credentials are missing or wrong. */
  public int ping() {
    return send(request("/v2/").GET(), HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  /** Uploads a blob monolithically (POST, then PUT with the digest) and returns its digest. */
  public String putBlob(String repo, byte[] content) {
    String digest = digestOf(content);
    HttpResponse<String> started =
        expect(
            send(
                request("/v2/" + repo + "/blobs/uploads/")
                    .POST(HttpRequest.BodyPublishers.noBody()),
                HttpResponse.BodyHandlers.ofString()),
            202,
            "start an upload to " + repo);
    String location =
        started
            .headers()
            .firstValue("Location")
            .orElseThrow(() -> new RegistryHttpException(202, "upload started without Location"));
    URI upload = base.resolve(location);
    String separator = upload.getQuery() == null ? "?" : "&";
    URI finish = URI.create(upload + separator + "digest=" + digest);
    HttpRequest.Builder put =
        authorized(HttpRequest.newBuilder(finish))
            .header("Content-Type", "application/octet-stream")
            .PUT(HttpRequest.BodyPublishers.ofByteArray(content));
    expect(send(put, HttpResponse.BodyHandlers.ofString()), 201, "finish upload of " + digest);
    return digest;
  }

  /**
   * Asks the registry to link a blob that {@code fromRepo} holds into {@code repo} without
   * uploading it; true if it did (201), false if it would not (it then holds nothing new).
   */
  public boolean mountBlob(String repo, String digest, String fromRepo) {
    HttpResponse<String> response =
        send(
            request("/v2/" + repo + "/blobs/uploads/?mount=" + digest + "&from=" + fromRepo)
                .POST(HttpRequest.BodyPublishers.noBody()),
            HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() == 201) {
      return true;
    }
    expect(response, 202, "mount " + digest + " from " + fromRepo + " into " + repo);
    response
        .headers()
        .firstValue("Location")
        .ifPresent(
            location ->
                send(
                    authorized(HttpRequest.newBuilder(base.resolve(location))).DELETE(),
                    HttpResponse.BodyHandlers.discarding()));
    return false;
  }

  public boolean blobExists(String repo, String digest) {
    HttpResponse<Void> response =
        send(
            request("/v2/" + repo + "/blobs/" + digest)
                .method("HEAD", HttpRequest.BodyPublishers.noBody()),
            HttpResponse.BodyHandlers.discarding());
    if (response.statusCode() == 404) {
      return false;
    }
    expect(response, 200, "check blob " + digest);
    return true;
  }

  public byte[] getBlob(String repo, String digest) {
    HttpResponse<byte[]> response =
        send(
            request("/v2/" + repo + "/blobs/" + digest).GET(),
            HttpResponse.BodyHandlers.ofByteArray());
    return expect(response, 200, "get blob " + digest + " from " + repo).body();
  }

  /** A blob read as JSON, e.g. an image config. */
  public JsonNode getBlobJson(String repo, String digest) {
    try {
      return JSON.readTree(getBlob(repo, digest));
    } catch (IOException e) {
      throw new UncheckedIOException("Blob " + digest + " in " + repo + " is not JSON", e);
    }
  }

  public void deleteBlob(String repo, String digest) {
    expect(
        send(
            request("/v2/" + repo + "/blobs/" + digest).DELETE(),
            HttpResponse.BodyHandlers.ofString()),
        202,
        "delete blob " + digest);
  }

  /** Puts a manifest or index under a tag or digest and returns the digest of its bytes. */
  public String putManifest(String repo, String reference, String mediaType, byte[] body) {
    HttpResponse<String> response =
        expect(
            send(
                request("/v2/" + repo + "/manifests/" + reference)
                    .header("Content-Type", mediaType)
                    .PUT(HttpRequest.BodyPublishers.ofByteArray(body)),
                HttpResponse.BodyHandlers.ofString()),
            201,
            "put manifest " + repo + ":" + reference);
    String digest = digestOf(body);
    String served = response.headers().firstValue("Docker-Content-Digest").orElse(digest);
    if (!served.equals(digest)) {
      throw new RegistryHttpException(201, "registry stored " + served + " for " + digest);
    }
    return digest;
  }

  /** The manifest or index at a tag or digest; fails with a clear message when there is none. */
  public RawManifest getManifest(String repo, String reference) {
    return findManifest(repo, reference)
        .orElseThrow(
            () ->
                new RegistryHttpException(
                    404, "no manifest " + repo + ":" + reference + " in registry " + base));
  }

  public Optional<RawManifest> findManifest(String repo, String reference) {
    HttpResponse<byte[]> response =
        send(
            request("/v2/" + repo + "/manifests/" + reference)
                .header("Accept", ACCEPT_MANIFESTS)
                .GET(),
            HttpResponse.BodyHandlers.ofByteArray());
    if (response.statusCode() == 404) {
      return Optional.empty();
    }
    expect(response, 200, "get manifest " + repo + ":" + reference);
    byte[] body = response.body();
    String mediaType =
        response.headers().firstValue("Content-Type").orElse("").split(";")[0].trim();
    String digest = digestOf(body);
    if (reference.startsWith("sha256:") && !reference.equals(digest)) {
      throw new RegistryHttpException(200, "asked for " + reference + " but got " + digest);
    }
    return Optional.of(new RawManifest(mediaType, body, digest));
  }

  public void deleteManifest(String repo, String digest) {
    expect(
        send(
            request("/v2/" + repo + "/manifests/" + digest).DELETE(),
            HttpResponse.BodyHandlers.ofString()),
        202,
        "delete manifest " + repo + "@" + digest);
  }

  /** The repository's tags, or an empty list if the repository does not exist. */
  public List<String> tags(String repo) {
    HttpResponse<byte[]> response =
        send(request("/v2/" + repo + "/tags/list").GET(), HttpResponse.BodyHandlers.ofByteArray());
    if (response.statusCode() == 404) {
      return List.of();
    }
    return names(expect(response, 200, "list tags of " + repo).body(), "tags");
  }

  /** All repositories, from {@code /v2/_catalog}. */
  public List<String> catalog() {
    HttpResponse<byte[]> response =
        send(request("/v2/_catalog?n=1000").GET(), HttpResponse.BodyHandlers.ofByteArray());
    return names(expect(response, 200, "list the catalog").body(), "repositories");
  }

  private static List<String> names(byte[] body, String field) {
    List<String> names = new ArrayList<>();
    try {
      JSON.readTree(body).path(field).forEach(name -> names.add(name.asText()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return names;
  }

  private HttpRequest.Builder request(String path) {
    return authorized(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60)));
  }

  private HttpRequest.Builder authorized(HttpRequest.Builder builder) {
    authorization.ifPresent(value -> builder.header("Authorization", value));
    return builder;
  }

  private <T> HttpResponse<T> send(HttpRequest.Builder builder, HttpResponse.BodyHandler<T> body) {
    HttpRequest request = builder.build();
    try {
      return client.send(request, body);
    } catch (IOException e) {
      throw new UncheckedIOException(request.method() + " " + request.uri() + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted: " + request.method() + " " + request.uri(), e);
    }
  }

  private static <T> HttpResponse<T> expect(HttpResponse<T> response, int status, String what) {
    if (response.statusCode() != status) {
      throw new RegistryHttpException(
          response.statusCode(),
          "could not "
              + what
              + ": HTTP "
              + response.statusCode()
              + " from "
              + response.request().method()
              + " "
              + response.request().uri()
              + describe(response.body()));
    }
    return response;
  }

  private static String describe(Object body) {
    String text =
        body instanceof byte[] bytes
            ? new String(bytes, StandardCharsets.UTF_8)
            : body instanceof String string ? string : "";
    return text.isBlank() ? "" : ": " + text.strip();
  }

  private static String basic(String user, String password) {
    String pair = user + ":" + password;
    return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
  }
}
