package io.konet.core.build;

import io.konet.core.layer.PackedLayers;
import io.konet.core.platform.Platform;
import io.konet.core.publish.PublishPlan;
import io.konet.core.publish.PublishSettings;
import java.io.Serializable;
import java.util.List;

/**
 * The result of publishing a project on one node: per runtime identifier, the platforms it serves
 * and the layers packed from its output, still on the node.
 *
 * @param nodeName the node that holds the layers
 * @param plan what was published
 * @param settings the settings it was published with
 * @param runtimes one entry per RID
 * @param scratchDirectory the node's directory that holds everything; deleted after the push
 */
public record PublishedApp(
    String nodeName,
    PublishPlan plan,
    PublishSettings settings,
    List<PublishedRuntime> runtimes,
    String scratchDirectory)
    implements Serializable {

  public PublishedApp {
    runtimes = List.copyOf(runtimes);
  }

  /** The packed output of one RID and the platforms it serves. */
  public record PublishedRuntime(String rid, List<Platform> platforms, PackedLayers layers)
      implements Serializable {

    public PublishedRuntime {
      platforms = List.copyOf(platforms);
    }
  }
}
