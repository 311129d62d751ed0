package io.konet.cli;

import io.konet.core.UserText;
import io.konet.core.KonetException;
import io.konet.core.build.BuildLog;
import io.konet.core.build.BuildRequest;
import io.konet.core.build.ImageBuild;
import io.konet.core.build.LocalBuildNode;
import io.konet.core.image.BaseImageChooser;
import io.konet.core.image.ImageSettings;
import io.konet.core.platform.BaseFamily;
import io.konet.core.platform.Platform;
import io.konet.core.platform.PlatformParser;
import io.konet.core.publish.PublishMode;
import io.konet.core.publish.PublishSettings;
import io.konet.core.push.ImageRefsFile;
import io.konet.core.push.PushResult;
import io.konet.core.registry.CredentialSource;
import io.konet.core.registry.DockerConfigCredentials;
import io.konet.core.registry.ImageName;
import io.konet.core.registry.ImageTags;
import io.konet.core.registry.RegistryCredential;
import io.konet.core.registry.RegistrySession;
import io.konet.core.registry.RegistrySettings;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code konet build}: publishes a .NET project and pushes its multi-platform image. */
@Command(
    name = "build",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Publishes a .NET project for every platform and pushes one image index, without Docker.",
      "Prints progress on stderr and the index digest on stdout.",
      "The password for --username is read from KONET_PASSWORD or, when unset, from stdin."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:image pushed", "1:build failed (one line on stderr says why)",
        "2:invalid command line"})
final class BuildCommand implements Callable<Integer> {

  private static final Pattern MSBUILD_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]*");


  /** Where the password for --username comes from; never passed on to dotnet. */
  static final String PASSWORD_VARIABLE = "KONET_PASSWORD";

  private final Map<String, String> environment;

  @Spec CommandSpec spec;

  @Parameters(index = "0", arity = "0..1", paramLabel = "PROJECT",
      description = "Project file or directory holding one (default: current directory).")
  String project = ".";

  @Option(names = {"-t", "--tag"}, paramLabel = "IMAGE",
      description = "Image reference to push to, REGISTRY/REPOSITORY:TAG; repeat for more tags"
          + " (the first is the main one).")
  List<String> tags = new ArrayList<>();

  @Option(names = {"-p", "--platform"}, paramLabel = "PLATFORMS",
      description = "Comma-separated platforms, os/arch[/variant][:osversion]"
          + " (default: linux/amd64,linux/arm64).")
  List<String> platforms = new ArrayList<>();

  @Option(names = "--base-image", paramLabel = "OS=IMAGE",
      description = "Base image for an os (linux, windows) or a platform (linux/arm64).")
  List<String> baseImages = new ArrayList<>();

  @Option(names = "--base-family", paramLabel = "FAMILY",
      description = "Linux base image family: debian (default), alpine (musl) or chiseled.")
  String baseFamily = "debian";

  @Option(names = "--mirror", paramLabel = "REGISTRY=HOST",
      description = "Read base images of REGISTRY from HOST; images still name REGISTRY.")
  List<String> mirrors = new ArrayList<>();

  @Option(names = "--insecure-registry", paramLabel = "HOST[:PORT]",
      description = "Allow plain HTTP and unverified TLS for this registry (loopback always is).")
  List<String> insecureRegistries = new ArrayList<>();

  @Option(names = {"-f", "--framework"}, paramLabel = "TFM",
      description = "Target framework of a multi-targeting project, such as net8.0.")
  String framework;

  @Option(names = {"-c", "--configuration"}, paramLabel = "NAME",
      description = "Build configuration (default: Release).")
  String configuration = "Release";

  @Option(names = "--framework-dependent",
      description = "Run on the runtime or aspnet base image instead of shipping the runtime.")
  boolean frameworkDependent;

  @Option(names = "--self-contained",
      description = "Ship the runtime with the app on runtime-deps (the default).")
  boolean selfContained;

  @Option(names = "--aot", description = "Publish a native AOT executable.")
  boolean aot;

  @Option(names = "--single-file", description = "Publish one bundled file (one layer).")
  boolean singleFile;

  @Option(names = "--ready-to-run", description = "Precompile assemblies with ReadyToRun.")
  boolean readyToRun;

  @Option(names = "--no-trim", description = "Do not trim self-contained output.")
  boolean noTrim;

  @Option(names = "--single-layer",
      description = "Put the whole publish output in one layer instead of runtime,"
          + " dependencies and app layers.")
  boolean singleLayer;

  @Option(names = "--layer-cache", paramLabel = "DIR",
      description = "Where compressed layers are kept between builds, so unchanged layers are"
          + " not compressed again (default: $XDG_CACHE_HOME/konet/layers or"
          + " ~/.cache/konet/layers).")
  Path layerCache;

  @Option(names = "--no-layer-cache", description = "Compress every layer on every build.")
  boolean noLayerCache;

  @Option(names = {"-P", "--property"}, paramLabel = "NAME=VALUE",
      description = "MSBuild property for every dotnet command.")
  List<String> properties = new ArrayList<>();

  @Option(names = "--label", paramLabel = "KEY=VALUE", description = "Image label.")
  List<String> labels = new ArrayList<>();

  @Option(names = "--user", paramLabel = "USER",
      description = "User the container runs as (default: the base image's app user;"
          + " 'root' to run as root).")
  String user;

  @Option(names = "--source", paramLabel = "URL",
      description = "Source repository URL for org.opencontainers.image.source.")
  String source;

  @Option(names = "--revision", paramLabel = "REVISION",
      description = "Source revision for org.opencontainers.image.revision.")
  String revision;

  @Option(names = "--platform-tags",
      description = "Also tag each platform image, as TAG-linux-amd64 and so on.")
  boolean platformTags;

  @Option(names = "--image-refs", paramLabel = "FILE",
      description = "Write the index digest and every platform's digest to FILE as JSON.")
  Path imageRefs;

  @Option(names = "--output", paramLabel = "oci-layout:DIR",
      description = "Write an OCI image layout to DIR instead of pushing.")
  String output;

  @Option(names = "--dotnet", paramLabel = "PATH",
      description = "The dotnet executable (default: dotnet from PATH).")
  String dotnet = "dotnet";

  @Option(names = {"-u", "--username"}, paramLabel = "USER",
      description = "User for the target registry; the password comes from KONET_PASSWORD"
          + " or stdin.")
  String username;

  @Option(names = "--parallel", paramLabel = "N",
      description = "How many dotnet publish processes run at once (default: 2).")
  int parallel = 2;

  @Option(names = "--upload-parallel", paramLabel = "N",
      description = "How many blobs are uploaded at once (default: 4).")
  int uploadParallel = 4;

  @Option(names = {"-v", "--verbose"}, description = "Show dotnet and registry details.")
  boolean verbose;

  BuildCommand(Map<String, String> environment) {
    this.environment = environment;
  }

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    ConsoleLog log = new ConsoleLog(err, verbose);
    try {
      BuildRequest request = request();
      CredentialSource credentials = credentials(request, log);
      PushResult result;
      try (RegistrySession session = new RegistrySession(registrySettings(), credentials, log)) {
        result =
            new ImageBuild(LocalBuildNode.here(Set.of(PASSWORD_VARIABLE)), session, log)
                .run(request);
      }
      if (imageRefs != null) {
        ImageRefsFile.write(result, imageRefs);
      }
      PrintWriter out = spec.commandLine().getOut();
      out.println(result.indexDigest());
      out.flush();
      return 0;
    } catch (UsageError e) {
      err.println("konet: " + e.getMessage());
      return Konet.USAGE;
    } catch (KonetException e) {
      err.println("konet: error: " + e.getMessage());
      if (verbose && e.getCause() != null) {
        e.getCause().printStackTrace(err);
      }
      return Konet.FAILURE;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      err.println("konet: error: interrupted.");
      return Konet.FAILURE;
    } catch (Exception e) {
      err.println("konet: error: unexpected failure: " + e);
      if (verbose) {
        e.printStackTrace(err);
      }
      return Konet.FAILURE;
    } finally {
      err.flush();
    }
  }

  private BuildRequest request() throws KonetException {
    Path ociLayout = null;
    if (output != null) {
      if (!output.startsWith("oci-layout:") || output.length() == "oci-layout:".length()) {
        throw usage("--output takes oci-layout:DIR, not '" + output + "'.");
      }
      ociLayout = Path.of(output.substring("oci-layout:".length()));
    } else if (tags.isEmpty()) {
      throw usage("Name the image with --tag REGISTRY/REPOSITORY:TAG (or use --output).");
    }
    List<ImageName> names =
        tags.isEmpty() ? List.of() : ImageTags.parse(tags.get(0), tags.subList(1, tags.size()));
    List<Platform> parsedPlatforms = PlatformParser.parseAll(platforms);
    return new BuildRequest(
        project,
        parsedPlatforms,
        publishSettings(),
        imageSettings(),
        names,
        ociLayout,
        platformTags,
        positive(uploadParallel, "--upload-parallel"));
  }

  private PublishSettings publishSettings() throws KonetException {
    int modes = (frameworkDependent ? 1 : 0) + (selfContained ? 1 : 0) + (aot ? 1 : 0);
    if (modes > 1) {
      throw usage("Choose one of --framework-dependent, --self-contained and --aot.");
    }
    PublishMode mode =
        frameworkDependent ? PublishMode.FRAMEWORK_DEPENDENT
            : aot ? PublishMode.NATIVE_AOT
            : selfContained ? PublishMode.SELF_CONTAINED : null;
    return PublishSettings.builder()
        .configuration(configuration)
        .framework(framework)
        .mode(mode)
        .trimmed(noTrim ? Boolean.FALSE : null)
        .singleFile(singleFile)
        .readyToRun(readyToRun)
        .properties(msbuildProperties())
        .family(BaseFamily.parse(baseFamily))
        .dotnet(dotnet)
        .parallelism(positive(parallel, "--parallel"))
        .splitLayers(!singleLayer)
        .layerCache(noLayerCache ? null : layerCacheDirectory().toString())
        .build();
  }

  private Path layerCacheDirectory() {
    if (layerCache != null) {
      return layerCache.toAbsolutePath();
    }
    String cacheHome = environment.get("XDG_CACHE_HOME");
    Path base =
        cacheHome != null && !cacheHome.isBlank()
            ? Path.of(cacheHome)
            : Path.of(environment.getOrDefault("HOME", System.getProperty("user.home")), ".cache");
    return base.resolve("konet").resolve("layers").toAbsolutePath();
  }

  private ImageSettings imageSettings() throws KonetException {
    return ImageSettings.builder()
        .baseImages(baseImageChoices())
        .labels(pairs(labels, "--label", "KEY=VALUE"))
        .user(user)
        .created(creationTime())
        .source(source)
        .revision(revision)
        .build();
  }

  /** {@code SOURCE_DATE_EPOCH} when set, so builds can pin a time; else the epoch. */
  private Instant creationTime() throws KonetException {
    String epoch = environment.get("SOURCE_DATE_EPOCH");
    if (epoch == null || epoch.isBlank()) {
      return Instant.EPOCH;
    }
    try {
      return Instant.ofEpochSecond(Long.parseLong(epoch.strip()));
    } catch (NumberFormatException e) {
      throw new KonetException("SOURCE_DATE_EPOCH must be seconds since 1970, not '" + epoch
          + "'.");
    }
  }

  private RegistrySettings registrySettings() throws KonetException {
    Map<String, String> mirrorMap = pairs(mirrors, "--mirror", "REGISTRY=HOST[:PORT]");
    for (Map.Entry<String, String> mirror : mirrorMap.entrySet()) {
      if (mirror.getValue().isEmpty()) {
        throw usage("--mirror " + UserText.shown(mirror.getKey()) + "= names no host; write"
            + " REGISTRY=HOST[:PORT], such as mcr.microsoft.com=mirror.example.com:5000.");
      }
    }
    return new RegistrySettings(new HashSet<>(insecureRegistries), mirrorMap);
  }

  /**
   * Base images by os or by platform; a platform key is stored in its canonical form
   * (linux/arm64/v8 as linux/arm64), the form the chooser looks it up by.
   */
  Map<String, String> baseImageChoices() throws KonetException {
    return BaseImageChooser.canonicalChoices(pairs(baseImages, "--base-image", "OS=IMAGE"));
  }

  /** MSBuild properties; MSBuild takes names of letters, digits, '_' and '-' only. */
  private Map<String, String> msbuildProperties() throws KonetException {
    Map<String, String> pairs = pairs(properties, "-P", "NAME=VALUE");
    for (String name : pairs.keySet()) {
      if (!MSBUILD_NAME.matcher(name).matches()) {
        throw usage("-P " + UserText.shown(name) + ": an MSBuild property name starts with a letter or"
            + " '_' and holds only letters, digits, '_' and '-'.");
      }
    }
    return pairs;
  }

  /**
   * Reads {@code KEY=VALUE} option values, as picocli's maps would, but with a one-line message
   * for any mistake: the key is trimmed and must not be empty, and neither part may hold
   * control characters; the last value of a key wins.
   */
  private Map<String, String> pairs(List<String> values, String option, String form)
      throws KonetException {
    Map<String, String> pairs = new LinkedHashMap<>();
    for (String value : values) {
      int equals = value.indexOf('=');
      if (equals < 0 || value.substring(0, equals).isBlank()) {
        throw usage(option + " takes " + form + ", not '" + UserText.shown(value) + "'.");
      }
      if (UserText.hasUnprintable(value)) {
        throw usage(option + " '" + UserText.shown(value) + "' holds control or invisible characters.");
      }
      pairs.put(value.substring(0, equals).strip(), value.substring(equals + 1).strip());
    }
    return pairs;
  }


  private CredentialSource credentials(BuildRequest request, BuildLog log)
      throws KonetException {
    CredentialSource dockerConfig = DockerConfigCredentials.fromEnvironment(environment, log);
    if (username == null) {
      return dockerConfig;
    }
    if (request.tags().isEmpty()) {
      throw usage("--username needs a --tag naming the registry to log in to.");
    }
    String registry = request.tags().get(0).registry();
    return dockerConfig.withExplicit(
        registry, new RegistryCredential(username, password(), "--username"));
  }

  private String password() throws KonetException {
    String fromEnvironment = environment.get(PASSWORD_VARIABLE);
    if (fromEnvironment != null && !fromEnvironment.isEmpty()) {
      return fromEnvironment;
    }
    try {
      if (System.console() != null) {
        char[] typed = System.console().readPassword("Password for %s: ", username);
        if (typed != null && typed.length > 0) {
          return new String(typed);
        }
      } else {
        String line =
            new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))
                .readLine();
        if (line != null && !line.isEmpty()) {
          return line;
        }
      }
    } catch (java.io.IOException e) {
      throw new KonetException("Cannot read the password from stdin: " + e.getMessage(), e);
    }
    throw new KonetException(
        "--username " + username + " needs a password in KONET_PASSWORD or on stdin.");
  }

  private int positive(int value, String option) throws KonetException {
    if (value < 1) {
      throw usage(option + " must be at least 1.");
    }
    return value;
  }

  private KonetException usage(String message) {
    return new UsageError(message);
  }

  /** A command line mistake found after picocli parsed it: exit code 2. */
  static final class UsageError extends KonetException {
    private static final long serialVersionUID = 1L;

    UsageError(String message) {
      super(message);
    }
  }
}
