package io.konet.core.publish;

import io.konet.core.KonetException;
import io.konet.core.platform.Platform;
import io.konet.core.platform.RuntimeIdentifiers;
import io.konet.core.project.ProjectInfo;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What will be published for a project: the effective mode once the project's own settings are
 * taken into account, and one publish per distinct runtime identifier.
 *
 * @param project the evaluated project
 * @param mode the effective publish mode
 * @param trimmed whether a self-contained publish is trimmed
 * @param publishesByRid the platforms each RID serves, in the order the user named them
 */
public record PublishPlan(
    ProjectInfo project, PublishMode mode, boolean trimmed, Map<String, List<Platform>> publishesByRid)
    implements Serializable {

  /** Works out the plan, refusing combinations the SDK cannot build. */
  public static PublishPlan of(
      ProjectInfo project, PublishSettings settings, List<Platform> platforms, boolean nodeIsWindows)
      throws KonetException {
    PublishMode mode = effectiveMode(project, settings);
    boolean trimmed =
        mode == PublishMode.SELF_CONTAINED
            && (settings.trimmed() != null
                ? settings.trimmed()
                : project.publishTrimmed() == null || project.publishTrimmed());
    Map<String, List<Platform>> byRid = new LinkedHashMap<>();
    for (Platform platform : platforms) {
      if (mode == PublishMode.NATIVE_AOT && platform.isWindows() != nodeIsWindows) {
        throw new KonetException(
            "Native AOT cannot publish " + platform + " on a " + (nodeIsWindows ? "Windows" : "Linux")
                + " machine; publish " + (platform.isWindows() ? "Windows" : "Linux")
                + " targets on a machine of that system.");
      }
      String rid = RuntimeIdentifiers.of(platform, settings.family());
      byRid.computeIfAbsent(rid, r -> new ArrayList<>()).add(platform);
    }
    byRid.replaceAll((rid, list) -> List.copyOf(list));
    return new PublishPlan(project, mode, trimmed, byRid);
  }

  private static PublishMode effectiveMode(ProjectInfo project, PublishSettings settings) {
    if (settings.mode() != null) {
      return settings.mode();
    }
    if (project.publishAot()) {
      return PublishMode.NATIVE_AOT;
    }
    return PublishMode.SELF_CONTAINED;
  }

  /**
   * The MSBuild properties that select the publish mode, followed by the user's own; the same set
   * goes to restore and to every publish, since restore must fetch what publish will use.
   */
  public Map<String, String> msbuildProperties(PublishSettings settings) {
    Map<String, String> properties = new TreeMap<>();
    properties.put("SelfContained", Boolean.toString(mode != PublishMode.FRAMEWORK_DEPENDENT));
    properties.put("PublishTrimmed", Boolean.toString(trimmed));
    properties.put("PublishAot", Boolean.toString(mode == PublishMode.NATIVE_AOT));
    properties.put("PublishSingleFile", Boolean.toString(settings.singleFile()));
    properties.put("PublishReadyToRun", Boolean.toString(settings.readyToRun()));
    // Source paths in PDBs are mapped, so that two agents give identical bytes.
    properties.put("ContinuousIntegrationBuild", "true");
    properties.putAll(settings.properties());
    return properties;
  }

  /** Whether the layers can be split: single files and native executables are one piece. */
  public boolean splittable(PublishSettings settings) {
    return settings.splitLayers() && !settings.singleFile() && mode != PublishMode.NATIVE_AOT;
  }
}
