package hudson.model.listeners;

import hudson.ExtensionPoint;
import hudson.model.Run;
import hudson.model.TaskListener;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;

/**
 * Compile-time stand-in for {@code RunListener} of jenkins-core.
 *
 * <p>Nothing fires its events; tests call them directly.
 */
@SuppressWarnings("rawtypes")
public abstract class RunListener<R extends Run> implements ExtensionPoint {
  public final Class<R> targetType;

  protected RunListener(Class<R> targetType) {
    this.targetType = targetType;
  }

  @SuppressWarnings("unchecked")
  protected RunListener() {
    Type type = getClass().getGenericSuperclass();
    while (!(type instanceof ParameterizedType
        && ((ParameterizedType) type).getRawType() == RunListener.class)) {
      if (type instanceof Class && type != Object.class) {
        type = ((Class<?>) type).getGenericSuperclass();
      } else if (type instanceof ParameterizedType) {
        type = ((Class<?>) ((ParameterizedType) type).getRawType()).getGenericSuperclass();
      } else {
        throw new IllegalStateException(
            getClass() + " uses the raw type for extending RunListener");
      }
    }
    Type arg = ((ParameterizedType) type).getActualTypeArguments()[0];
    if (arg instanceof ParameterizedType) {
      arg = ((ParameterizedType) arg).getRawType();
    }
    if (!(arg instanceof Class)) {
      throw new IllegalStateException(getClass() + " uses a type variable for RunListener");
    }
    targetType = (Class<R>) arg;
  }

  public void onCompleted(R r, TaskListener listener) {}

  public void onFinalized(R r) {}

  public void onInitialize(R r) {}

  public void onStarted(R r, TaskListener listener) {}

  public void onDeleted(R r) {}
}
