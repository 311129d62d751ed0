package io.jenkins.plugins.konet;

import hudson.remoting.VirtualChannel;
import io.konet.core.KonetException;
import io.konet.core.layer.LayerPackRequest;
import io.konet.core.layer.LayerPacker;
import io.konet.core.layer.PackedLayers;
import io.konet.core.project.ProjectLocator;
import java.io.File;
import java.io.IOException;
import jenkins.MasterToSlaveFileCallable;

/**
 * The work that runs on the agent, next to the files: finding the project and packing layers.
 * Each callable carries only paths and options; no credential ever goes into one.
 */
final class AgentCallables {

  private AgentCallables() {}

  /** Finds the project file relative to the workspace. */
  static final class LocateProject extends MasterToSlaveFileCallable<AgentOutcome<String>> {
    private static final long serialVersionUID = 1L;

    private final String project;

    LocateProject(String project) {
      this.project = project;
    }

    @Override
    public AgentOutcome<String> invoke(File workspace, VirtualChannel channel)
        throws IOException {
      try {
        return AgentOutcome.of(ProjectLocator.locate(workspace.toPath(), project).toString());
      } catch (KonetException e) {
        return AgentOutcome.failed(e);
      }
    }
  }

  /** Packs a publish output into layers in the scratch directory and reports their digests. */
  static final class PackLayers extends MasterToSlaveFileCallable<AgentOutcome<PackedLayers>> {
    private static final long serialVersionUID = 1L;

    private final LayerPackRequest request;

    PackLayers(LayerPackRequest request) {
      this.request = request;
    }

    @Override
    public AgentOutcome<PackedLayers> invoke(File scratch, VirtualChannel channel)
        throws IOException {
      try {
        return AgentOutcome.of(LayerPacker.pack(request));
      } catch (KonetException e) {
        return AgentOutcome.failed(e);
      }
    }
  }
}
