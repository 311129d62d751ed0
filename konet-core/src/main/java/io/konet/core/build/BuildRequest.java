package io.konet.core.build;

import io.konet.core.image.ImageSettings;
import io.konet.core.platform.Platform;
import io.konet.core.publish.PublishSettings;
import io.konet.core.registry.ImageName;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Everything one build needs: what to publish, how to assemble the images and where they go.
 *
 * @param project the project file or directory, on the node
 * @param platforms the platforms to build, in index order
 * @param publish how to publish
 * @param image how to assemble images
 * @param tags where the index goes, the main tag first; all in one repository
 * @param ociLayout when not null, the directory to write an OCI layout to instead of pushing
 * @param platformTags whether to tag each platform image too
 * @param uploadParallelism how many blobs may be uploaded at once
 */
public record BuildRequest(
    String project,
    List<Platform> platforms,
    PublishSettings publish,
    ImageSettings image,
    List<ImageName> tags,
    Path ociLayout,
    boolean platformTags,
    int uploadParallelism) {

  public BuildRequest {
    Objects.requireNonNull(project, "project");
    platforms = List.copyOf(platforms);
    tags = List.copyOf(tags);
    Objects.requireNonNull(publish, "publish");
    Objects.requireNonNull(image, "image");
  }
}
