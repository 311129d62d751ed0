package io.konet.core.registry;

import io.konet.core.UserText;
import com.google.cloud.tools.jib.api.ImageReference;
import com.google.cloud.tools.jib.api.InvalidImageReferenceException;
import io.konet.core.KonetException;
import java.io.Serializable;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A validated image reference: registry, repository and a tag or digest.
 *
 * <p>Parsing follows the distribution rules that registries enforce (through Jib), so a bad tag
 * is refused before anything is built, with a sentence that says which part is wrong.
 */
public record ImageName(String registry, String repository, String tag, String digest)
    implements Serializable {

  private static final String DOCKER_HUB = "registry-1.docker.io";

  /** The distribution rule for repository names: lowercase components and single separators. */
  private static final String COMPONENT = "[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*";
  private static final Pattern REPOSITORY = Pattern.compile(COMPONENT + "(?:/" + COMPONENT + ")*");


  /** Parses {@code [registry/]repository[:tag][@digest]}; no tag means {@code latest}. */
  public static ImageName parse(String text) throws KonetException {
    String trimmed = text == null ? "" : text.strip();
    if (trimmed.isEmpty()) {
      throw new KonetException("An image reference is empty; give one such as"
          + " registry.example.com/shop/api:1.0.");
    }
    try {
      ImageReference reference = ImageReference.parse(trimmed);
      String repository = reference.getRepository();
      // Jib adds library/ to one-part Docker Hub names only when no registry is written, so
      // docker.io/alpine would name a repository Docker Hub does not have.
      if (reference.getRegistry().equals(DOCKER_HUB) && !repository.contains("/")) {
        repository = "library/" + repository;
      }
      // Jib moves a first part that is no host name (Shop/api) into the repository unchecked.
      if (!REPOSITORY.matcher(repository).matches()) {
        throw new InvalidImageReferenceException(trimmed);
      }
      return new ImageName(
          reference.getRegistry(),
          repository,
          reference.getTag().orElse(reference.getDigest().isPresent() ? null : "latest"),
          reference.getDigest().orElse(null));
    } catch (InvalidImageReferenceException e) {
      throw new KonetException("Invalid image reference '" + UserText.shown(trimmed) + "': "
          + explain(trimmed) + ".");
    }
  }

  /** The digest when there is one (it pins the image; a tag beside it is a note), else the tag. */
  public String reference() {
    return digest != null ? digest : tag;
  }

  /** The same repository with another tag. */
  public ImageName withTag(String newTag) {
    return new ImageName(registry, repository, newTag, null);
  }

  /** The same repository on another registry host (a mirror). */
  public ImageName onRegistry(String newRegistry) {
    return new ImageName(newRegistry, repository, tag, digest);
  }

  /** {@code registry/repository}, without tag or digest. */
  public String repositoryName() {
    return registry + "/" + repository;
  }

  @Override
  public String toString() {
    StringBuilder text = new StringBuilder(repositoryName());
    if (tag != null) {
      text.append(':').append(tag);
    }
    if (digest != null) {
      text.append('@').append(digest);
    }
    return text.toString();
  }

  /** Says which part of an invalid reference breaks the rules. */
  private static String explain(String text) {
    String rest = text;
    int at = rest.indexOf('@');
    if (at >= 0) {
      if (!ImageReference.isValidDigest(rest.substring(at + 1))) {
        return "the digest must be sha256: followed by 64 hexadecimal digits";
      }
      rest = rest.substring(0, at);
    }
    int slash = rest.lastIndexOf('/');
    int colon = rest.lastIndexOf(':');
    if (colon > slash) {
      String tag = rest.substring(colon + 1);
      if (!ImageReference.isValidTag(tag)) {
        return "the tag '" + UserText.shown(tag) + "' must be 1 to 128 letters, digits, '_', '.' or '-',"
            + " not starting with '.' or '-'";
      }
      rest = rest.substring(0, colon);
    }
    int firstSlash = rest.indexOf('/');
    String repository = rest;
    if (firstSlash > 0) {
      String first = rest.substring(0, firstSlash);
      if (first.contains(".") || first.contains(":") || first.equals("localhost")) {
        if (!ImageReference.isValidRegistry(first)) {
          return "the registry '" + UserText.shown(first) + "' is not a valid host[:port]";
        }
        repository = rest.substring(firstSlash + 1);
      }
    }
    if (!repository.equals(repository.toLowerCase(Locale.ROOT))) {
      return "repository names must be lowercase";
    }
    return "the repository '" + UserText.shown(repository) + "' may hold only lowercase letters, digits and"
        + " single separators ('.', '_', '-', '/')";
  }

}
