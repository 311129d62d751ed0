package io.konet.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

/**
 * Installs the stand-in {@code dotnet}: a Python 3 script that answers the command lines the engine
 * sends ({@code --version}, {@code msbuild -getProperty}, {@code restore}, {@code publish}) as the
 * .NET 8 SDK does, and writes publish output of the real shape. Its behaviour and environment
 * variables are described at the top of the script.
 */
public final class StandInDotnet {

  /** The SDK version {@code dotnet --version} reports; below 8.0.100 -getProperty fails. */
  public static final String SDK_VERSION_ENV = "KONET_STANDIN_SDK_VERSION";

  /** Size in bytes of each runtime pack file a self-contained publish writes. */
  public static final String RUNTIME_BYTES_ENV = "KONET_STANDIN_RUNTIME_BYTES";

  /** Size in bytes of each NuGet package file a publish writes. */
  public static final String PACKAGE_BYTES_ENV = "KONET_STANDIN_PACKAGE_BYTES";

  /** Size in bytes of the app assembly. */
  public static final String APP_BYTES_ENV = "KONET_STANDIN_APP_BYTES";

  /** A file the stand-in appends each invocation's argv to, as one JSON array per line. */
  public static final String LOG_ENV = "KONET_STANDIN_LOG";

  /** Where compiled apphosts are kept between runs (default: a folder in the temp dir). */
  public static final String CACHE_ENV = "KONET_STANDIN_CACHE";

  public static final String DEFAULT_SDK_VERSION = "8.0.404";

  private static final String RESOURCES = "/io/konet/testing/dotnet/";
  private static final ObjectMapper JSON = new ObjectMapper();

  private StandInDotnet() {}

  /**
   * Copies the stand-in into {@code dir} (created if needed) and returns the path of the
   * executable, {@code dir/dotnet}.
   */
  public static Path install(Path dir) {
    try {
      Files.createDirectories(dir);
      copy("dotnet", dir);
      copy("apphost.c", dir);
      Path dotnet = dir.resolve("dotnet");
      Files.setPosixFilePermissions(dotnet, PosixFilePermissions.fromString("rwxr-xr-x"));
      return dotnet;
    } catch (IOException e) {
      throw new UncheckedIOException("Could not install the stand-in dotnet into " + dir, e);
    }
  }

  /** Every logged invocation, oldest first: the full argv, the executable's path first. */
  public static List<List<String>> invocations(Path logFile) {
    List<List<String>> invocations = new ArrayList<>();
    if (!Files.exists(logFile)) {
      return invocations;
    }
    try {
      for (String line : Files.readAllLines(logFile)) {
        if (line.isBlank()) {
          continue;
        }
        List<String> argv = new ArrayList<>();
        for (JsonNode argument : JSON.readTree(line)) {
          argv.add(argument.asText());
        }
        invocations.add(argv);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read " + logFile, e);
    }
    return invocations;
  }

  /** How many logged {@code publish} invocations asked for the runtime identifier. */
  public static long publishCount(Path logFile, String rid) {
    return invocations(logFile).stream()
        .filter(argv -> argv.size() > 1 && argv.get(1).equals("publish"))
        .filter(argv -> runtimeOf(argv).equals(rid))
        .count();
  }

  private static String runtimeOf(List<String> argv) {
    for (int i = 0; i < argv.size(); i++) {
      String argument = argv.get(i);
      if ((argument.equals("-r") || argument.equals("--runtime")) && i + 1 < argv.size()) {
        return argv.get(i + 1);
      }
      if (argument.startsWith("--runtime=")) {
        return argument.substring("--runtime=".length());
      }
    }
    return "";
  }

  private static void copy(String name, Path dir) throws IOException {
    try (InputStream in = StandInDotnet.class.getResourceAsStream(RESOURCES + name)) {
      if (in == null) {
        throw new IllegalStateException("Missing resource " + RESOURCES + name);
      }
      Files.copy(in, dir.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
