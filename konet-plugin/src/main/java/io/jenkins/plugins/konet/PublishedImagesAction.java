package io.jenkins.plugins.konet;

import hudson.model.InvisibleAction;
import hudson.model.Run;
import io.konet.core.build.PublishedApp;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code konetPublish} recorded in this build for a later {@code konetPush}: the published
 * apps and the nodes holding their layers. Kept in memory only (a transient field): the layers
 * live in the nodes' temporary directories, which do not outlive the build.
 */
public class PublishedImagesAction extends InvisibleAction {

  // TODO: a controller restart between konetPublish and konetPush loses the publications (and
  // the steps do not resume); persisting them needs the layers to outlive the node block too.

  private transient List<Publication> published;

  /** A published app and the name of the node that holds its layers (empty: built-in). */
  static final class Publication {
    final String nodeName;
    final PublishedApp app;

    Publication(String nodeName, PublishedApp app) {
      this.nodeName = nodeName;
      this.app = app;
    }
  }

  static synchronized PublishedImagesAction of(Run<?, ?> run) {
    PublishedImagesAction action = run.getAction(PublishedImagesAction.class);
    if (action == null) {
      action = new PublishedImagesAction();
      run.addAction(action);
    }
    return action;
  }

  synchronized void add(Publication publication) {
    if (published == null) {
      published = new ArrayList<>();
    }
    published.add(publication);
  }

  /** Every recorded publication, oldest first. */
  synchronized List<Publication> recorded() {
    return published == null ? List.of() : List.copyOf(published);
  }

  /** Forgets publications whose layers were pushed and removed. */
  synchronized void forget(List<Publication> publications) {
    if (published != null) {
      published.removeAll(publications);
    }
  }
}
