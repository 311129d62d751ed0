package io.konet.core.image;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.konet.core.layer.PackedLayer;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Makes an image config from the base image's config tree: everything the base sets stays (env,
 * os.version, fields this product does not know), and the application's layers, entrypoint,
 * working directory, user, labels and history are added.
 */
public final class ImageConfigBuilder {

  static final String LABEL_CREATED = "org.opencontainers.image.created";
  static final String LABEL_SOURCE = "org.opencontainers.image.source";
  static final String LABEL_REVISION = "org.opencontainers.image.revision";
  static final String LABEL_BASE_NAME = "org.opencontainers.image.base.name";
  static final String LABEL_BASE_DIGEST = "org.opencontainers.image.base.digest";

  private ImageConfigBuilder() {}

  public static ObjectNode build(
      BaseImage base,
      List<PackedLayer> layers,
      AppLaunch launch,
      ImageSettings settings,
      boolean web,
      String rid) {
    ObjectNode config = base.config().deepCopy();
    String created = DateTimeFormatter.ISO_INSTANT.format(settings.created());
    config.put("created", created);
    ObjectNode runtime = objectField(config, "config");
    ArrayNode entrypoint = runtime.putArray("Entrypoint");
    launch.entrypoint().forEach(entrypoint::add);
    // A base command would become arguments of the application.
    runtime.remove("Cmd");
    runtime.put("WorkingDir", launch.workingDirectory());
    String user = userFor(base, settings);
    if (user != null) {
      runtime.put("User", user);
    }
    if (web) {
      exposeHttpPorts(base, runtime);
    }
    ObjectNode labels = objectField(runtime, "Labels");
    labels.put(LABEL_CREATED, created);
    if (settings.source() != null) {
      labels.put(LABEL_SOURCE, settings.source());
    }
    if (settings.revision() != null) {
      labels.put(LABEL_REVISION, settings.revision());
    }
    labels.put(LABEL_BASE_NAME, base.name().toString());
    labels.put(LABEL_BASE_DIGEST, base.manifestDigest());
    settings.labels().forEach(labels::put);
    ObjectNode rootfs = objectField(config, "rootfs");
    rootfs.put("type", "layers");
    ArrayNode diffIds = arrayField(rootfs, "diff_ids");
    addHistory(config, base, layers, created, rid);
    layers.forEach(layer -> diffIds.add(layer.diffId()));
    return config;
  }

  /**
   * The requested user; otherwise the base image's app user ({@code APP_UID}) on Linux, so the
   * application does not run as root; otherwise whatever the base sets.
   */
  private static String userFor(BaseImage base, ImageSettings settings) {
    boolean windows = "windows".equals(base.config().path("os").asText(""));
    String requested = settings.user();
    if (requested != null && !requested.isBlank()) {
      if (requested.equals("root")) {
        return windows ? "ContainerAdministrator" : "0";
      }
      return requested;
    }
    String appUid = windows ? null : base.environmentValue("APP_UID");
    return appUid == null || appUid.isBlank() ? null : appUid;
  }

  private static void exposeHttpPorts(BaseImage base, ObjectNode runtime) {
    String ports = base.environmentValue("ASPNETCORE_HTTP_PORTS");
    if (ports == null || ports.isBlank()) {
      return;
    }
    ObjectNode exposed = objectField(runtime, "ExposedPorts");
    for (String port : ports.split("[;,]")) {
      if (port.strip().matches("\\d+")) {
        exposed.putObject(port.strip() + "/tcp");
      }
    }
  }

  /**
   * Appends one history entry per new layer; when the base has no history, first writes one per
   * base layer, since history must account for every layer or for none.
   */
  private static void addHistory(
      ObjectNode config, BaseImage base, List<PackedLayer> layers, String created, String rid) {
    JsonNode existing = config.get("history");
    ArrayNode history;
    if (existing instanceof ArrayNode array) {
      history = array;
    } else {
      history = config.putArray("history");
      for (int i = 0; i < base.layers().size(); i++) {
        history.addObject().put("created", created).put("created_by", "base image layer");
      }
    }
    for (PackedLayer layer : layers) {
      history
          .addObject()
          .put("created", created)
          .put("created_by", "konet: " + layer.kind().label() + " layer of " + rid)
          .put("comment", "konet");
    }
  }

  private static ObjectNode objectField(ObjectNode parent, String name) {
    JsonNode child = parent.get(name);
    if (child instanceof ObjectNode object) {
      return object;
    }
    return parent.putObject(name);
  }

  private static ArrayNode arrayField(ObjectNode parent, String name) {
    JsonNode child = parent.get(name);
    if (child instanceof ArrayNode array) {
      return array;
    }
    return parent.putArray(name);
  }
}
