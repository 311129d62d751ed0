package io.konet.core.image;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.konet.core.platform.Platform;

/**
 * A platform's image as it was pushed.
 *
 * @param platform the platform the user asked for
 * @param platformNode the platform object for the index, taken from the base image's entry
 * @param manifestDigest digest of the manifest
 * @param manifestMediaType media type of the manifest
 * @param manifestSize size of the manifest in bytes
 */
public record PlatformImage(
    Platform platform,
    ObjectNode platformNode,
    String manifestDigest,
    String manifestMediaType,
    long manifestSize) {}
