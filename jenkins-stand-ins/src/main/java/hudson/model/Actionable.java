package hudson.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Compile-time stand-in for {@code Actionable} of jenkins-core. */
public abstract class Actionable implements ModelObject {
  private volatile CopyOnWriteArrayList<Action> actions;

  @Deprecated
  public List<Action> getActions() {
    if (actions == null) {
      synchronized (this) {
        if (actions == null) {
          actions = new CopyOnWriteArrayList<>();
        }
      }
    }
    return actions;
  }

  public final List<? extends Action> getAllActions() {
    return Collections.unmodifiableList(getActions());
  }

  public <T extends Action> List<T> getActions(Class<T> type) {
    List<T> result = new ArrayList<>();
    for (Action a : getActions()) {
      if (type.isInstance(a)) {
        result.add(type.cast(a));
      }
    }
    return Collections.unmodifiableList(result);
  }

  public void addAction(Action a) {
    if (a == null) {
      throw new IllegalArgumentException("Action must be non-null");
    }
    getActions().add(a);
  }

  public void replaceAction(Action a) {
    addOrReplaceAction(a);
  }

  public boolean addOrReplaceAction(Action a) {
    if (a == null) {
      throw new IllegalArgumentException("Action must be non-null");
    }
    List<Action> current = getActions();
    boolean found = false;
    List<Action> stale = new ArrayList<>();
    for (Action existing : current) {
      if (!found && a.equals(existing)) {
        found = true;
      } else if (existing.getClass() == a.getClass()) {
        stale.add(existing);
      }
    }
    current.removeAll(stale);
    if (!found) {
      addAction(a);
    }
    return !found || !stale.isEmpty();
  }

  public boolean removeAction(Action a) {
    return a != null && getActions().removeIf(existing -> existing.equals(a));
  }

  public boolean removeActions(Class<? extends Action> clazz) {
    return getActions().removeIf(clazz::isInstance);
  }

  public <T extends Action> T getAction(Class<T> type) {
    for (Action a : getActions()) {
      if (type.isInstance(a)) {
        return type.cast(a);
      }
    }
    return null;
  }
}
