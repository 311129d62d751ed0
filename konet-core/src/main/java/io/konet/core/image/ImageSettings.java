package io.konet.core.image;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/** How images are assembled: base images, labels, user and timestamps. Made with {@link #builder()}. */
public final class ImageSettings {

  private final Map<String, String> baseImages;
  private final Map<String, String> labels;
  private final String user;
  private final Instant created;
  private final String source;
  private final String revision;

  private ImageSettings(Builder builder) {
    this.baseImages = Collections.unmodifiableMap(new TreeMap<>(builder.baseImages));
    this.labels = Collections.unmodifiableMap(new LinkedHashMap<>(builder.labels));
    this.user = builder.user;
    this.created = builder.created;
    this.source = builder.source;
    this.revision = builder.revision;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Base images the user chose, keyed by os or by whole platform. */
  public Map<String, String> baseImages() {
    return baseImages;
  }

  /** Labels the user adds; they win over the labels this product sets. */
  public Map<String, String> labels() {
    return labels;
  }

  /** The user the container runs as, or null for the base image's app user. */
  public String user() {
    return user;
  }

  /**
   * The creation time every image records. Fixed (by default the Unix epoch, or {@code
   * SOURCE_DATE_EPOCH}) so that the same publish output gives the same digests.
   */
  public Instant created() {
    return created;
  }

  /** The source repository URL for {@code org.opencontainers.image.source}, or null. */
  public String source() {
    return source;
  }

  /** The source revision for {@code org.opencontainers.image.revision}, or null. */
  public String revision() {
    return revision;
  }

  /** Builds {@link ImageSettings}. */
  public static final class Builder {
    private Map<String, String> baseImages = Map.of();
    private Map<String, String> labels = Map.of();
    private String user;
    private Instant created = Instant.EPOCH;
    private String source;
    private String revision;

    private Builder() {}

    public Builder baseImages(Map<String, String> value) {
      this.baseImages = Objects.requireNonNull(value);
      return this;
    }

    public Builder labels(Map<String, String> value) {
      this.labels = Objects.requireNonNull(value);
      return this;
    }

    public Builder user(String value) {
      this.user = value;
      return this;
    }

    public Builder created(Instant value) {
      this.created = Objects.requireNonNull(value);
      return this;
    }

    public Builder source(String value) {
      this.source = value;
      return this;
    }

    public Builder revision(String value) {
      this.revision = value;
      return this;
    }

    public ImageSettings build() {
      return new ImageSettings(this);
    }
  }
}
