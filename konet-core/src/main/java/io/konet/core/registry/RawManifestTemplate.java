package io.konet.core.registry;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializable;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.jsontype.TypeSerializer;
import com.google.cloud.tools.jib.image.json.ManifestTemplate;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Hands Jib's manifest pusher a manifest or index as exact bytes, so that every field (platform
 * {@code variant} and {@code os.version}, annotations) is sent and the digest Jib computes is the
 * digest of these bytes.
 */
final class RawManifestTemplate implements ManifestTemplate, JsonSerializable {

  private final String json;
  private final String mediaType;

  RawManifestTemplate(byte[] body, String mediaType) {
    this.json = new String(body, StandardCharsets.UTF_8);
    this.mediaType = mediaType;
  }

  @Override
  public int getSchemaVersion() {
    return 2;
  }

  @Override
  public String getManifestMediaType() {
    return mediaType;
  }

  @Override
  public void serialize(JsonGenerator generator, SerializerProvider provider) throws IOException {
    generator.writeRawValue(json);
  }

  @Override
  public void serializeWithType(
      JsonGenerator generator, SerializerProvider provider, TypeSerializer typeSerializer)
      throws IOException {
    serialize(generator, provider);
  }
}
