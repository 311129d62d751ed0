package io.konet.core.push;

import java.io.Serializable;

/**
 * What a push moved.
 *
 * @param blobsUploaded blobs whose bytes were sent
 * @param blobsSkipped blobs the target already had
 * @param blobsMounted blobs linked from another repository of the same registry
 * @param bytesUploaded bytes of blobs sent to the target
 */
public record PushStatistics(
    int blobsUploaded, int blobsSkipped, int blobsMounted, long bytesUploaded)
    implements Serializable {}
