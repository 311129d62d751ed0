package io.konet.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.konet.testing.TarLayer.Layer;
import java.util.List;

/**
 * The JSON documents of the seeded images (configs, manifests, indexes, attestations), in the field
 * order Docker and BuildKit write them.
 */
final class ImageDocuments {

  static final String DOCKER_CONFIG = "application/vnd.docker.container.image.v1+json";
  static final String DOCKER_LAYER = "application/vnd.docker.image.rootfs.diff.tar.gzip";
  static final String OCI_CONFIG = "application/vnd.oci.image.config.v1+json";
  static final String OCI_LAYER = "application/vnd.oci.image.layer.v1.tar+gzip";
  static final String IN_TOTO = "application/vnd.in-toto+json";

  private static final ObjectMapper JSON = new ObjectMapper();

  private ImageDocuments() {}

  /** A step of an image's history: the command and whether it made a layer. */
  record HistoryStep(String created, String createdBy, boolean emptyLayer) {}

  /**
   * An image config.
   *
   * @param config the {@code config} object (Env, Cmd, User, ...)
   */
  static byte[] imageConfig(
      SeededPlatform platform,
      ObjectNode config,
      String created,
      List<HistoryStep> history,
      List<Layer> layers) {
    ObjectNode root = JSON.createObjectNode();
    root.put("architecture", platform.architecture());
    root.set("config", config);
    root.put("created", created);
    ArrayNode steps = root.putArray("history");
    for (HistoryStep step : history) {
      ObjectNode entry = steps.addObject();
      entry.put("created", step.created());
      entry.put("created_by", step.createdBy());
      if (step.createdBy().contains("# buildkit") || step.createdBy().startsWith("ENV ")) {
        entry.put("comment", "buildkit.dockerfile.v0");
      }
      if (step.emptyLayer()) {
        entry.put("empty_layer", true);
      }
    }
    root.put("os", platform.os());
    platform.osVersionIfAny().ifPresent(version -> root.put("os.version", version));
    ObjectNode rootfs = root.putObject("rootfs");
    rootfs.put("type", "layers");
    ArrayNode diffIds = rootfs.putArray("diff_ids");
    layers.forEach(layer -> diffIds.add(layer.diffId()));
    platform.variantIfAny().ifPresent(variant -> root.put("variant", variant));
    return bytes(root);
  }

  /** A Docker v2 schema 2 manifest, or with {@code oci} an OCI image manifest. */
  static byte[] imageManifest(boolean oci, byte[] config, List<Layer> layers) {
    ObjectNode root = JSON.createObjectNode();
    root.put("schemaVersion", 2);
    root.put("mediaType", oci ? RegistryHttp.OCI_MANIFEST : RegistryHttp.DOCKER_MANIFEST);
    descriptor(
        root.putObject("config"),
        oci ? OCI_CONFIG : DOCKER_CONFIG,
        RegistryHttp.digestOf(config),
        config.length,
        oci);
    ArrayNode entries = root.putArray("layers");
    for (Layer layer : layers) {
      descriptor(
          entries.addObject(), oci ? OCI_LAYER : DOCKER_LAYER, layer.digest(), layer.size(), oci);
    }
    return bytes(root);
  }

  /** An entry of an index: one image manifest and its platform. */
  record IndexEntry(
      String mediaType, byte[] manifest, SeededPlatform platform, String attestationFor) {}

  /** A Docker manifest list, or with {@code oci} an OCI image index. */
  static byte[] index(boolean oci, List<IndexEntry> entries) {
    ObjectNode root = JSON.createObjectNode();
    root.put("schemaVersion", 2);
    root.put("mediaType", oci ? RegistryHttp.OCI_INDEX : RegistryHttp.DOCKER_MANIFEST_LIST);
    ArrayNode manifests = root.putArray("manifests");
    for (IndexEntry entry : entries) {
      ObjectNode item = manifests.addObject();
      descriptor(
          item,
          entry.mediaType(),
          RegistryHttp.digestOf(entry.manifest()),
          entry.manifest().length,
          oci);
      if (entry.attestationFor() != null) {
        ObjectNode annotations = item.putObject("annotations");
        annotations.put("vnd.docker.reference.digest", entry.attestationFor());
        annotations.put("vnd.docker.reference.type", "attestation-manifest");
      }
      ObjectNode platform = item.putObject("platform");
      platform.put("architecture", entry.platform().architecture());
      platform.put("os", entry.platform().os());
      entry.platform().osVersionIfAny().ifPresent(version -> platform.put("os.version", version));
      entry.platform().variantIfAny().ifPresent(variant -> platform.put("variant", variant));
    }
    return bytes(root);
  }

  /** The in-toto statements of a BuildKit attestation: an SPDX SBOM and SLSA provenance. */
  static List<byte[]> attestationStatements(String subjectName, String imageDigest) {
    String hex = imageDigest.substring("sha256:".length());
    ObjectNode sbom = statement("https://spdx.dev/Document", subjectName, hex);
    ObjectNode document = sbom.putObject("predicate");
    document.put("spdxVersion", "SPDX-2.3");
    document.put("dataLicense", "CC0-1.0");
    document.put("SPDXID", "SPDXRef-DOCUMENT");
    document.put("name", subjectName);
    document.putArray("packages");
    ObjectNode provenance = statement("https://slsa.dev/provenance/v0.2", subjectName, hex);
    ObjectNode predicate = provenance.putObject("predicate");
    predicate.putObject("builder").put("id", "");
    predicate.put("buildType", "https://mobyproject.org/buildkit@v1");
    return List.of(bytes(sbom), bytes(provenance));
  }

  /** The OCI manifest BuildKit pushes for an attestation: in-toto layers, an "unknown" config. */
  static byte[][] attestationManifest(List<byte[]> statements) {
    ObjectNode config = JSON.createObjectNode();
    config.put("architecture", "unknown");
    config.put("os", "unknown");
    config.putObject("config");
    ObjectNode rootfs = config.putObject("rootfs");
    rootfs.put("type", "layers");
    ArrayNode diffIds = rootfs.putArray("diff_ids");
    statements.forEach(statement -> diffIds.add(RegistryHttp.digestOf(statement)));
    byte[] configBytes = bytes(config);
    ObjectNode root = JSON.createObjectNode();
    root.put("schemaVersion", 2);
    root.put("mediaType", RegistryHttp.OCI_MANIFEST);
    descriptor(
        root.putObject("config"),
        OCI_CONFIG,
        RegistryHttp.digestOf(configBytes),
        configBytes.length,
        true);
    ArrayNode layers = root.putArray("layers");
    String[] predicateTypes = {"https://spdx.dev/Document", "https://slsa.dev/provenance/v0.2"};
    for (int i = 0; i < statements.size(); i++) {
      ObjectNode layer = layers.addObject();
      descriptor(
          layer, IN_TOTO, RegistryHttp.digestOf(statements.get(i)), statements.get(i).length, true);
      layer.putObject("annotations").put("in-toto.io/predicate-type", predicateTypes[i]);
    }
    return new byte[][] {bytes(root), configBytes};
  }

  private static ObjectNode statement(String predicateType, String subjectName, String hex) {
    ObjectNode statement = JSON.createObjectNode();
    statement.put("_type", "https://in-toto.io/Statement/v0.1");
    statement.put("predicateType", predicateType);
    ObjectNode subject = statement.putArray("subject").addObject();
    subject.put("name", subjectName);
    subject.putObject("digest").put("sha256", hex);
    return statement;
  }

  /** Docker writes mediaType, size, digest; OCI tools write mediaType, digest, size. */
  private static void descriptor(
      ObjectNode node, String mediaType, String digest, long size, boolean oci) {
    node.put("mediaType", mediaType);
    if (oci) {
      node.put("digest", digest);
      node.put("size", size);
    } else {
      node.put("size", size);
      node.put("digest", digest);
    }
  }

  private static byte[] bytes(ObjectNode node) {
    try {
      return JSON.writeValueAsBytes(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
