package io.konet.core.build;

import io.konet.core.KonetException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** Runs the dotnet CLI on a node with the environment a CI build wants. */
public final class Dotnet {

  /**
   * Quiet, English, no telemetry, no first-run work and no MSBuild worker processes left behind
   * after the build (an agent must be left clean).
   */
  static final Map<String, String> ENVIRONMENT =
      Map.of(
          "DOTNET_NOLOGO", "1",
          "DOTNET_CLI_TELEMETRY_OPTOUT", "1",
          "DOTNET_SKIP_FIRST_TIME_EXPERIENCE", "1",
          "DOTNET_GENERATE_ASPNET_CERTIFICATE", "false",
          "DOTNET_CLI_UI_LANGUAGE", "en",
          "MSBUILDDISABLENODEREUSE", "1");

  private final BuildNode node;
  private final String executable;

  /**
   * @param node where dotnet runs
   * @param executable the dotnet executable; {@code dotnet} to take it from the node's PATH
   */
  public Dotnet(BuildNode node, String executable) {
    this.node = node;
    this.executable = executable;
  }

  public String executable() {
    return executable;
  }

  /** The output of a finished dotnet command. */
  public record Result(int exitCode, List<String> lines) {

    /** The last line that reports an error, or else the last non-blank line. */
    public String lastErrorLine() {
      String lastNonBlank = "";
      for (int i = lines.size() - 1; i >= 0; i--) {
        String line = lines.get(i).strip();
        if (line.contains("error")) {
          return line;
        }
        if (lastNonBlank.isEmpty() && !line.isEmpty()) {
          lastNonBlank = line;
        }
      }
      return lastNonBlank;
    }
  }

  /**
   * Runs {@code dotnet ARGUMENTS} in {@code workingDirectory}, handing each line to {@code
   * lineListener} as well as keeping it for the result.
   */
  public Result run(List<String> arguments, String workingDirectory, Consumer<String> lineListener)
      throws KonetException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(executable);
    command.addAll(arguments);
    List<String> lines = new ArrayList<>();
    Consumer<String> collect =
        line -> {
          synchronized (lines) {
            lines.add(line);
          }
          lineListener.accept(line);
        };
    try {
      int exitCode = node.commands().run(command, workingDirectory, ENVIRONMENT, collect);
      synchronized (lines) {
        return new Result(exitCode, List.copyOf(lines));
      }
    } catch (IOException e) {
      throw new KonetException(
          "Cannot run dotnet ('" + executable + "') on " + node.name() + ": " + e.getMessage()
              + "; install the .NET SDK 8 or newer, or give the path of dotnet.",
          e);
    }
  }
}
