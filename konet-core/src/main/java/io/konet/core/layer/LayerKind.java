package io.konet.core.layer;

/** What a layer holds, which decides how often it changes. */
public enum LayerKind {
  /** Files of the .NET runtime packs: change only with the runtime version. */
  RUNTIME("runtime"),
  /** Files of NuGet packages: change when dependencies change. */
  DEPENDENCIES("dependencies"),
  /** The application's own files: change with every code change. */
  APP("app"),
  /** The whole publish output in one layer, when splitting is off or impossible. */
  ALL("application");

  private final String label;

  LayerKind(String label) {
    this.label = label;
  }

  /** The word used in logs and image history. */
  public String label() {
    return label;
  }
}
