package io.konet.core.build;

import io.konet.core.image.ImageSettings;
import io.konet.core.platform.PlatformParser;
import io.konet.core.publish.PublishSettings;
import io.konet.core.push.PushResult;
import io.konet.core.registry.CredentialSource;
import io.konet.core.registry.ImageName;
import io.konet.core.registry.RegistrySession;
import io.konet.core.registry.RegistrySettings;
import io.konet.testing.BaseImageSeeder;
import io.konet.testing.SeededImages;
import io.konet.testing.StandInDotnet;
import io.konet.testing.TestRegistry;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Real registries for engine tests: one standing in for mcr.microsoft.com, seeded with base
 * images of the real shape, and one target; plus the stand-in dotnet.
 */
public final class EngineFixture implements AutoCloseable {

  public final TestRegistry mcr;
  public final TestRegistry target;
  public final SeededImages seeded;
  public final Path dotnet;

  public EngineFixture(Path workDir) {
    mcr = TestRegistry.start(workDir.resolve("mcr"));
    target = TestRegistry.start(workDir.resolve("target"));
    seeded = BaseImageSeeder.seed(mcr);
    dotnet = StandInDotnet.install(workDir.resolve("dotnet"));
  }

  public RegistrySettings registrySettings() {
    return new RegistrySettings(Set.of(), Map.of("mcr.microsoft.com", mcr.hostPort()));
  }

  public PublishSettings.Builder publish() {
    return PublishSettings.builder().dotnet(dotnet.toString());
  }

  /** A request for the target registry's {@code repository:tag}. */
  public BuildRequest request(
      Path project, String platforms, PublishSettings publish, String repositoryAndTag)
      throws Exception {
    return request(project, platforms, publish, ImageSettings.builder().build(),
        repositoryAndTag);
  }

  /** A request with image settings. */
  public BuildRequest request(
      Path project,
      String platforms,
      PublishSettings publish,
      ImageSettings image,
      String repositoryAndTag)
      throws Exception {
    return new BuildRequest(
        project.toString(),
        PlatformParser.parseList(platforms),
        publish,
        image,
        List.of(ImageName.parse(target.hostPort() + "/" + repositoryAndTag)),
        null,
        false,
        4);
  }

  /** Runs a build on this machine against the fixture's registries. */
  public PushResult build(BuildRequest request, RecordingLog log) throws Exception {
    try (RegistrySession session =
        new RegistrySession(registrySettings(), CredentialSource.anonymous(), log)) {
      return new ImageBuild(LocalBuildNode.here(), session, log).run(request);
    }
  }

  @Override
  public void close() {
    target.close();
    mcr.close();
  }
}
