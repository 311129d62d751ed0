package io.konet.core.registry;

import com.google.cloud.tools.jib.api.ImageReference;
import io.konet.core.KonetException;
import io.konet.core.UserText;
import io.konet.core.platform.Platform;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The tags one build writes, checked before anything is built: all in the main tag's repository
 * (the images are pushed once), no digests, no duplicates, and per-platform tags that registries
 * will accept, so that no tag can fail after another has moved.
 */
public final class ImageTags {

  private ImageTags() {}

  /**
   * Parses the main reference and the extra tags; an extra tag may be a whole reference or just a
   * tag ({@code latest}), which then names the main reference's repository.
   */
  public static List<ImageName> parse(String main, List<String> extras) throws KonetException {
    ImageName first = ImageName.parse(main);
    List<ImageName> names = new ArrayList<>();
    names.add(first);
    for (String extra : extras) {
      String text = extra.strip();
      if (!text.contains("/") && !text.contains(":") && !text.contains("@")) {
        if (!ImageReference.isValidTag(text)) {
          throw new KonetException("Invalid tag '" + UserText.shown(text) + "': a tag is 1 to 128"
              + " letters,"
              + " digits, '_', '.' or '-', not starting with '.' or '-'.");
        }
        names.add(first.withTag(text));
      } else {
        names.add(ImageName.parse(text));
      }
    }
    return names;
  }

  /**
   * The tag names to push the index under, main first, each once; refuses tags in other
   * repositories, digests and per-platform tags that would be too long.
   */
  public static List<String> tagNames(
      List<ImageName> names, List<Platform> platforms, boolean platformTags)
      throws KonetException {
    if (names.isEmpty()) {
      throw new KonetException("No tag given; name the image as REGISTRY/REPOSITORY:TAG.");
    }
    ImageName main = names.get(0);
    Set<String> tags = new LinkedHashSet<>();
    for (ImageName name : names) {
      if (!name.repositoryName().equals(main.repositoryName())) {
        throw new KonetException(
            "All tags must name the repository of the first (" + main.repositoryName()
                + "); " + name + " does not.");
      }
      if (name.digest() != null) {
        throw new KonetException("Tag " + name + " names a digest; tags move, digests cannot:"
            + " give a tag alone.");
      }
      tags.add(name.tag());
    }
    if (platformTags) {
      for (String tag : tags) {
        for (Platform platform : platforms) {
          String suffixed = tag + "-" + platform.tagSuffix();
          if (!ImageReference.isValidTag(suffixed)) {
            throw new KonetException(
                "The per-platform tag '" + suffixed + "' is not a valid tag (at most 128"
                    + " characters); shorten the tag or leave out per-platform tags.");
          }
        }
      }
    }
    return List.copyOf(tags);
  }
}
