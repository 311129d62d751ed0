package io.konet.core.layer;

import java.io.Serializable;

/**
 * What to pack: a publish output directory into layers for one operating system.
 *
 * @param publishDirectory the {@code dotnet publish} output, in the packing machine's path form
 * @param layerDirectory where to write the {@code .tar.gz} files
 * @param windows whether to write Windows layers ({@code Files/}, {@code Hives/})
 * @param assemblyName the project's assembly name, used to find the apphost and deps.json
 * @param split whether to split into runtime, dependencies and app layers
 * @param modificationTimeSeconds the timestamp every entry carries, in seconds since the epoch
 * @param cacheDirectory where compressed layers are kept between builds, or null for no cache
 * @param cacheMaxBytes how large the cache may grow
 */
public record LayerPackRequest(
    String publishDirectory,
    String layerDirectory,
    boolean windows,
    String assemblyName,
    boolean split,
    long modificationTimeSeconds,
    String cacheDirectory,
    long cacheMaxBytes)
    implements Serializable {}
