package io.jenkins.plugins.konet;

import hudson.Extension;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.model.listeners.RunListener;
import java.util.List;

/** Removes layers that {@code konetPublish} left on nodes when the build ends without a push. */
@Extension
public class KonetRunListener extends RunListener<Run<?, ?>> {

  @Override
  public void onCompleted(Run<?, ?> run, TaskListener listener) {
    PublishedImagesAction action = run.getAction(PublishedImagesAction.class);
    if (action == null) {
      return;
    }
    List<PublishedImagesAction.Publication> left = action.recorded();
    if (left.isEmpty()) {
      return;
    }
    listener.getLogger().println("[konet] removing layers of " + left.size()
        + " publication(s) that were not pushed");
    try {
      KonetFlows.removeLayers(left, listener);
      action.forget(left);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
