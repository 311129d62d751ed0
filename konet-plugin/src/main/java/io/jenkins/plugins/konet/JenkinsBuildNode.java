package io.jenkins.plugins.konet;

import hudson.EnvVars;
import hudson.FilePath;
import hudson.Launcher;
import hudson.remoting.VirtualChannel;
import hudson.slaves.WorkspaceList;
import io.konet.core.KonetException;
import io.konet.core.build.BuildNode;
import io.konet.core.build.CommandRunner;
import io.konet.core.layer.LayerPackRequest;
import io.konet.core.layer.PackedLayer;
import io.konet.core.layer.PackedLayers;
import java.io.IOException;
import java.io.InputStream;

/**
 * A Jenkins node as the engine sees it: programs run through the node's launcher, file work
 * runs on the node through controller-to-agent callables, and layers are read from the node as
 * streams, only when the controller asks for them.
 */
final class JenkinsBuildNode implements BuildNode {

  private final String name;
  private final FilePath workspace;
  private final Launcher launcher;
  private final VirtualChannel channel;
  private final CommandRunner commands;

  /**
   * @param name the node's name, empty for the built-in node
   * @param workspace the build's workspace on the node
   */
  JenkinsBuildNode(String name, FilePath workspace, Launcher launcher, EnvVars environment) {
    this.name = name;
    this.workspace = workspace;
    this.launcher = launcher;
    this.channel = workspace.getChannel();
    this.commands = new LauncherCommandRunner(launcher, channel, environment);
  }

  @Override
  public String name() {
    return name == null || name.isEmpty() ? "built-in node" : name;
  }

  /** The node name Jenkins knows it by; empty for the built-in node. */
  String nodeName() {
    return name == null ? "" : name;
  }

  @Override
  public boolean isWindows() {
    return !launcher.isUnix();
  }

  @Override
  public CommandRunner commands() {
    return commands;
  }

  @Override
  public String locateProject(String project)
      throws IOException, InterruptedException, KonetException {
    return workspace.act(new AgentCallables.LocateProject(project)).get();
  }

  @Override
  public String createScratchDirectory() throws IOException, InterruptedException {
    FilePath temporary = WorkspaceList.tempDir(workspace);
    temporary.mkdirs();
    return temporary.createTempDir("konet", "").getRemote();
  }

  @Override
  public String resolve(String directory, String child) {
    return new FilePath(channel, directory).child(child).getRemote();
  }

  @Override
  public String parentOf(String path) {
    FilePath parent = new FilePath(channel, path).getParent();
    return parent == null ? path : parent.getRemote();
  }

  @Override
  public PackedLayers packLayers(LayerPackRequest request)
      throws IOException, InterruptedException, KonetException {
    FilePath scratch = new FilePath(channel, request.layerDirectory());
    scratch.mkdirs();
    return scratch.act(new AgentCallables.PackLayers(request)).get();
  }

  @Override
  public InputStream open(PackedLayer layer) throws IOException, InterruptedException {
    return new FilePath(channel, layer.location()).read();
  }

  @Override
  public void deleteScratchDirectory(String directory) throws IOException, InterruptedException {
    new FilePath(channel, directory).deleteRecursive();
  }
}
