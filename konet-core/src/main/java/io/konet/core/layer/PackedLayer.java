package io.konet.core.layer;

import java.io.Serializable;

/**
 * A layer written to disk where it was packed, with what the registry needs to know about it.
 *
 * @param kind what the layer holds
 * @param digest digest of the compressed bytes (the blob), {@code sha256:...}
 * @param diffId digest of the uncompressed tar, {@code sha256:...}
 * @param size size of the compressed bytes
 * @param fileCount number of regular files in the layer
 * @param location the file on the packing machine, in that machine's path form
 * @param reused whether the compressed layer came from the layer cache of an earlier build
 */
public record PackedLayer(
    LayerKind kind,
    String digest,
    String diffId,
    long size,
    int fileCount,
    String location,
    boolean reused)
    implements Serializable {}
