package io.konet.core.build;

import io.konet.core.layer.PackedLayer;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads packed layers from the machine that wrote them.
 *
 * <p>In Jenkins the layers stay on the agent until the controller knows which ones the registry
 * lacks; only those are opened, and their bytes stream from the agent to the controller.
 */
public interface LayerSource {

  /** Opens the compressed bytes of a layer; the caller closes the stream. */
  InputStream open(PackedLayer layer) throws IOException, InterruptedException;
}
