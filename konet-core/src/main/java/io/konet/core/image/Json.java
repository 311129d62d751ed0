package io.konet.core.image;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.konet.core.KonetException;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * JSON as images hold it: documents kept as trees, so that fields this product does not know
 * survive, and written compactly with fields in insertion order, so the same tree always gives
 * the same bytes and the same digest.
 */
public final class Json {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private Json() {}

  public static ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  public static byte[] bytes(JsonNode node) {
    try {
      return MAPPER.writeValueAsBytes(node);
    } catch (IOException e) {
      throw new UncheckedIOException("a JSON tree always serializes", e);
    }
  }

  /** Parses a document that must be a JSON object; {@code what} names it in the error. */
  public static ObjectNode parseObject(byte[] bytes, String what) throws KonetException {
    try {
      JsonNode node = MAPPER.readTree(bytes);
      if (node instanceof ObjectNode object) {
        return object;
      }
    } catch (IOException e) {
      throw new KonetException(what + " is not valid JSON.", e);
    }
    throw new KonetException(what + " is not a JSON object.");
  }
}
