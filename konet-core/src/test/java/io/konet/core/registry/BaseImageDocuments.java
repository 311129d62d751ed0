package io.konet.core.registry;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The documents of a small, well-formed linux/amd64 base image (OCI index, manifest, config,
 * no layers), so that a test can spoil exactly one of them.
 */
final class BaseImageDocuments {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final byte[] config;
  private final byte[] manifest;

  private BaseImageDocuments(byte[] config) {
    this.config = config;
    this.manifest = manifest(Sha256.digest(config), config.length, "");
  }

  static BaseImageDocuments linuxAmd64() {
    ObjectNode config = JSON.createObjectNode().put("architecture", "amd64").put("os", "linux");
    config.putObject("config").putArray("Env").add("PATH=/usr/bin");
    config.putObject("rootfs").put("type", "layers").putArray("diff_ids");
    return new BaseImageDocuments(bytes(config));
  }

  byte[] config() {
    return config.clone();
  }

  String configDigest() {
    return Sha256.digest(config);
  }

  byte[] manifest() {
    return manifest.clone();
  }

  String manifestDigest() {
    return Sha256.digest(manifest);
  }

  /** A manifest that differs from {@link #manifest()} only by an annotation. */
  byte[] otherManifest() {
    return manifest(configDigest(), config.length, "spoiled");
  }

  byte[] index() {
    return index(manifestDigest(), manifest.length);
  }

  /** An OCI index with one linux/amd64 entry naming {@code digest}. */
  static byte[] index(String digest, long size) {
    ObjectNode index = JSON.createObjectNode().put("schemaVersion", 2)
        .put("mediaType", MediaTypeNames.OCI_INDEX);
    ObjectNode entry = index.putArray("manifests").addObject()
        .put("mediaType", MediaTypeNames.OCI_MANIFEST).put("digest", digest).put("size", size);
    entry.putObject("platform").put("architecture", "amd64").put("os", "linux");
    return bytes(index);
  }

  /** Serves the index under {@code tag}, the manifest and the config, as a registry would. */
  void serveOn(HostileRegistry registry, String repository, String tag) {
    String base = "/v2/" + repository;
    registry.answer(base + "/manifests/" + tag,
        HostileRegistry.complete(MediaTypeNames.OCI_INDEX, index()));
    registry.answer(base + "/manifests/" + manifestDigest(),
        HostileRegistry.complete(MediaTypeNames.OCI_MANIFEST, manifest()));
    registry.answer(base + "/blobs/" + configDigest(),
        HostileRegistry.complete("application/octet-stream", config()));
  }

  private static byte[] manifest(String configDigest, long configSize, String note) {
    ObjectNode manifest = JSON.createObjectNode().put("schemaVersion", 2)
        .put("mediaType", MediaTypeNames.OCI_MANIFEST);
    manifest.putObject("config").put("mediaType", MediaTypeNames.OCI_CONFIG)
        .put("digest", configDigest).put("size", configSize);
    manifest.putArray("layers");
    if (!note.isEmpty()) {
      manifest.putObject("annotations").put("note", note);
    }
    return bytes(manifest);
  }

  private static byte[] bytes(ObjectNode node) {
    try {
      return JSON.writeValueAsBytes(node);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
