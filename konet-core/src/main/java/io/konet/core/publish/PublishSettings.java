package io.konet.core.publish;

import io.konet.core.platform.BaseFamily;
import java.io.Serializable;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * How to publish: the {@code dotnet publish} options the user chose, before the project fills in
 * what the user left open. Immutable; made with {@link #builder()}.
 */
public final class PublishSettings implements Serializable {

  private static final long serialVersionUID = 1L;

  private final String configuration;
  private final String framework;
  private final PublishMode mode;
  private final Boolean trimmed;
  private final boolean singleFile;
  private final boolean readyToRun;
  private final Map<String, String> properties;
  private final BaseFamily family;
  private final String dotnet;
  private final int parallelism;
  private final boolean splitLayers;
  private final String layerCache;
  private final long layerCacheMaxBytes;

  private PublishSettings(Builder builder) {
    this.configuration = builder.configuration;
    this.framework = builder.framework;
    this.mode = builder.mode;
    this.trimmed = builder.trimmed;
    this.singleFile = builder.singleFile;
    this.readyToRun = builder.readyToRun;
    this.properties = Collections.unmodifiableMap(new TreeMap<>(builder.properties));
    this.family = builder.family;
    this.dotnet = builder.dotnet;
    this.parallelism = builder.parallelism;
    this.splitLayers = builder.splitLayers;
    this.layerCache = builder.layerCache;
    this.layerCacheMaxBytes = builder.layerCacheMaxBytes;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The build configuration, {@code Release} by default. */
  public String configuration() {
    return configuration;
  }

  /** The target framework to build, or null to take the project's only one. */
  public String framework() {
    return framework;
  }

  /**
   * The publish mode, or null to follow the project: native AOT when it sets {@code
   * PublishAot}, self-contained otherwise. ({@code SelfContained} is not followed: evaluation
   * gives {@code false} whether or not the project sets it.)
   */
  public PublishMode mode() {
    return mode;
  }

  /** Whether to trim a self-contained app, or null to follow the project (on by default). */
  public Boolean trimmed() {
    return trimmed;
  }

  /** Whether to publish one bundled file, which cannot be split into layers. */
  public boolean singleFile() {
    return singleFile;
  }

  /** Whether to precompile assemblies with ReadyToRun. */
  public boolean readyToRun() {
    return readyToRun;
  }

  /** Extra MSBuild properties for every dotnet command, sorted by name. */
  public Map<String, String> properties() {
    return properties;
  }

  /** The family of Linux base images, which also decides glibc or musl RIDs. */
  public BaseFamily family() {
    return family;
  }

  /** The dotnet executable on the node; {@code dotnet} takes it from the PATH. */
  public String dotnet() {
    return dotnet;
  }

  /** How many {@code dotnet publish} processes may run at once. */
  public int parallelism() {
    return parallelism;
  }

  /** Whether to split the output into runtime, dependencies and app layers. */
  public boolean splitLayers() {
    return splitLayers;
  }

  /**
   * Where the node keeps compressed layers between builds, in the node's path form, or null to
   * compress every layer every time.
   */
  public String layerCache() {
    return layerCache;
  }

  /** How large the layer cache may grow before the least recently used layers go. */
  public long layerCacheMaxBytes() {
    return layerCacheMaxBytes;
  }

  /** Builds {@link PublishSettings}; every setter has a sensible default. */
  public static final class Builder {
    private String configuration = "Release";
    private String framework;
    private PublishMode mode;
    private Boolean trimmed;
    private boolean singleFile;
    private boolean readyToRun;
    private Map<String, String> properties = Map.of();
    private BaseFamily family = BaseFamily.DEBIAN;
    private String dotnet = "dotnet";
    private int parallelism = 2;
    private boolean splitLayers = true;
    private String layerCache;
    private long layerCacheMaxBytes = 2L * 1024 * 1024 * 1024;

    private Builder() {}

    public Builder configuration(String value) {
      this.configuration = Objects.requireNonNull(value);
      return this;
    }

    public Builder framework(String value) {
      this.framework = value;
      return this;
    }

    public Builder mode(PublishMode value) {
      this.mode = value;
      return this;
    }

    public Builder trimmed(Boolean value) {
      this.trimmed = value;
      return this;
    }

    public Builder singleFile(boolean value) {
      this.singleFile = value;
      return this;
    }

    public Builder readyToRun(boolean value) {
      this.readyToRun = value;
      return this;
    }

    public Builder properties(Map<String, String> value) {
      this.properties = Objects.requireNonNull(value);
      return this;
    }

    public Builder family(BaseFamily value) {
      this.family = Objects.requireNonNull(value);
      return this;
    }

    public Builder dotnet(String value) {
      this.dotnet = Objects.requireNonNull(value);
      return this;
    }

    public Builder parallelism(int value) {
      if (value < 1) {
        throw new IllegalArgumentException("parallelism must be at least 1");
      }
      this.parallelism = value;
      return this;
    }

    public Builder splitLayers(boolean value) {
      this.splitLayers = value;
      return this;
    }

    public Builder layerCache(String value) {
      this.layerCache = value;
      return this;
    }

    public Builder layerCacheMaxBytes(long value) {
      this.layerCacheMaxBytes = value;
      return this;
    }

    public PublishSettings build() {
      return new PublishSettings(this);
    }
  }
}
