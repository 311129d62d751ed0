package io.konet.core.image;

import io.konet.core.KonetException;
import io.konet.core.layer.PackedLayers;
import io.konet.core.publish.PublishMode;
import java.util.List;

/**
 * How the container starts the application: the apphost, or {@code dotnet <name>.dll} for
 * framework-dependent apps, from the application directory.
 */
public record AppLaunch(List<String> entrypoint, String workingDirectory) {

  public static AppLaunch of(
      boolean windows, String assemblyName, PublishMode mode, PackedLayers output, String rid)
      throws KonetException {
    String directory = windows ? "C:\\app" : "/app";
    String separator = windows ? "\\" : "/";
    if (mode == PublishMode.FRAMEWORK_DEPENDENT && output.managedEntryAssembly()) {
      return new AppLaunch(
          List.of("dotnet", directory + separator + assemblyName + ".dll"), directory);
    }
    if (output.appHost()) {
      return new AppLaunch(
          List.of(directory + separator + assemblyName + (windows ? ".exe" : "")), directory);
    }
    throw new KonetException(
        "The publish output for " + rid + " holds no executable named " + assemblyName
            + (windows ? ".exe" : "") + "; check that the project builds an app host.");
  }
}
