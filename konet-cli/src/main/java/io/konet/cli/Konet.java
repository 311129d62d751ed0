package io.konet.cli;

import io.konet.core.UserText;
import java.io.PrintWriter;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code konet} command line: builds and pushes images of .NET projects without Docker. */
@Command(
    name = "konet",
    mixinStandardHelpOptions = true,
    versionProvider = Konet.Version.class,
    subcommands = {BuildCommand.class, CommandLine.HelpCommand.class},
    description = "Builds multi-platform container images of .NET projects without Docker.")
public final class Konet implements Runnable {

  /** Exit code of a failed build: one line on stderr says why. */
  public static final int FAILURE = 1;

  /** Exit code of a command line that cannot be understood. */
  public static final int USAGE = 2;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "Name a command, such as build.");
  }

  public static void main(String[] args) {
    System.exit(execute(args, System.getenv(), new PrintWriter(System.out, true),
        new PrintWriter(System.err, true)));
  }

  /** Runs the command line with the given environment and streams; returns the exit code. */
  public static int execute(
      String[] args, Map<String, String> environment, PrintWriter out, PrintWriter err) {
    CommandLine commandLine = new CommandLine(new Konet(), new EnvironmentFactory(environment));
    commandLine.setOut(out);
    commandLine.setErr(err);
    commandLine.setExitCodeExceptionMapper(exception -> FAILURE);
    // An argument starting with @ is a value, not a file whose lines become arguments.
    commandLine.setExpandAtFiles(false);
    commandLine.setParameterExceptionHandler(
        (exception, arguments) -> {
          err.println("konet: " + UserText.shown(exception.getMessage()));
          err.println("Run 'konet build --help' for the options.");
          return USAGE;
        });
    return commandLine.execute(args);
  }

  /** Gives commands the environment they run in, so tests can set it. */
  private record EnvironmentFactory(Map<String, String> environment)
      implements CommandLine.IFactory {
    @Override
    public <K> K create(Class<K> type) throws Exception {
      if (type == BuildCommand.class) {
        return type.cast(new BuildCommand(environment));
      }
      return CommandLine.defaultFactory().create(type);
    }
  }

  /** Reports the version from the jar's manifest. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String version = Konet.class.getPackage().getImplementationVersion();
      return new String[] {"konet " + (version == null ? "(development build)" : version)};
    }
  }
}
