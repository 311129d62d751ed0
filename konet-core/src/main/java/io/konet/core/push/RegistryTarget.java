package io.konet.core.push;

import io.konet.core.KonetException;
import io.konet.core.registry.BlobContent;
import io.konet.core.registry.ImageName;
import io.konet.core.registry.RegistrySession;
import java.util.function.LongConsumer;

/** Pushes to one repository of a registry. */
public final class RegistryTarget implements ImageTarget {

  private final RegistrySession session;
  private final ImageName image;

  public RegistryTarget(RegistrySession session, ImageName image) {
    this.session = session;
    this.image = image;
  }

  /**
   * Logs in and checks the right to push now, so bad credentials or a read-only account fail
   * before anything is built.
   */
  public void verifyAccess() throws KonetException {
    session.forPush(image.registry(), image.repository(), null).verifyPushAccess();
  }

  @Override
  public String describe() {
    return image.repositoryName();
  }

  @Override
  public boolean hasBlob(String digest) throws KonetException {
    return session.forPush(image.registry(), image.repository(), null).hasBlob(digest);
  }

  @Override
  public boolean canMountFrom(String registry) {
    return image.registry().equals(registry);
  }

  @Override
  public boolean putBlob(String digest, long size, BlobContent content, String mountFrom,
      LongConsumer bytesSent) throws KonetException {
    return session
        .forPush(image.registry(), image.repository(), mountFrom)
        .pushBlob(digest, size, content, mountFrom, bytesSent);
  }

  @Override
  public void putManifest(byte[] body, String mediaType, String digest) throws KonetException {
    session.forPush(image.registry(), image.repository(), null)
        .pushManifest(body, mediaType, digest);
  }

  @Override
  public void tag(byte[] body, String mediaType, String tag) throws KonetException {
    session.forPush(image.registry(), image.repository(), null).pushManifest(body, mediaType, tag);
  }
}
