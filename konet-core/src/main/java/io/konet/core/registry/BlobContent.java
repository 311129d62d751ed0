package io.konet.core.registry;

import java.io.IOException;
import java.io.OutputStream;

/**
 * The bytes of a blob, written on demand; may be written again when an upload is retried, so an
 * implementation opens its source afresh on every call.
 */
@FunctionalInterface
public interface BlobContent {

  void writeTo(OutputStream out) throws IOException;
}
