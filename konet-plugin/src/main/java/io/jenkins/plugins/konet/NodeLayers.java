package io.jenkins.plugins.konet;

import hudson.FilePath;
import hudson.model.Node;
import hudson.remoting.VirtualChannel;
import io.konet.core.build.LayerSource;
import io.konet.core.layer.PackedLayer;
import java.io.IOException;
import java.io.InputStream;
import jenkins.model.Jenkins;

/**
 * Layers and scratch directories on a node named by a {@code konetPublish} record: the node is
 * looked up when the push needs it, which may be after the publishing {@code node {}} block
 * ended, so the agent must still be connected.
 */
final class NodeLayers implements LayerSource {

  private final String nodeName;

  /** @param nodeName the node's name, empty for the built-in node */
  NodeLayers(String nodeName) {
    this.nodeName = nodeName;
  }

  private VirtualChannel channel() throws IOException {
    Jenkins jenkins = Jenkins.get();
    Node node = nodeName.isEmpty() ? jenkins : jenkins.getNode(nodeName);
    VirtualChannel channel = node == null ? null : node.getChannel();
    if (channel == null) {
      throw new IOException(
          "Agent '" + nodeName + "', which holds layers published in this build, is not"
              + " connected.");
    }
    return channel;
  }

  @Override
  public InputStream open(PackedLayer layer) throws IOException, InterruptedException {
    return new FilePath(channel(), layer.location()).read();
  }

  void delete(String directory) throws IOException, InterruptedException {
    new FilePath(channel(), directory).deleteRecursive();
  }
}
