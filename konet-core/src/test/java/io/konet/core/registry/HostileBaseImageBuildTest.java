package io.konet.core.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.konet.core.KonetException;
import io.konet.core.build.BuildRequest;
import io.konet.core.build.ImageBuild;
import io.konet.core.build.LocalBuildNode;
import io.konet.core.build.RecordingLog;
import io.konet.core.image.ImageSettings;
import io.konet.core.platform.PlatformParser;
import io.konet.core.publish.PublishSettings;
import io.konet.testing.SampleProjects;
import io.konet.testing.StandInDotnet;
import io.konet.testing.TestRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A whole build on a base image whose registry answers wrongly fails and moves no tag. */
class HostileBaseImageBuildTest {

  @Test
  void aBaseManifestWithTheWrongBytesFailsTheBuildAndTagsNothing(@TempDir Path temp)
      throws Exception {
    BaseImageDocuments base = BaseImageDocuments.linuxAmd64();
    String repository = "dotnet/runtime-deps";
    try (HostileRegistry mcr = HostileRegistry.start();
        TestRegistry target = TestRegistry.start(temp.resolve("target"))) {
      base.serveOn(mcr, repository, "8.0");
      mcr.answer("/v2/" + repository + "/manifests/" + base.manifestDigest(),
          HostileRegistry.complete(MediaTypeNames.OCI_MANIFEST, base.otherManifest()));
      Path project = SampleProjects.copyHello(temp.resolve("src"));
      Path dotnet = StandInDotnet.install(temp.resolve("dotnet"));
      BuildRequest request =
          new BuildRequest(
              project.toString(),
              PlatformParser.parseList("linux/amd64"),
              PublishSettings.builder().dotnet(dotnet.toString()).build(),
              ImageSettings.builder().build(),
              List.of(ImageName.parse(target.hostPort() + "/hostile/app:1")),
              null,
              true,
              2);
      RecordingLog log = new RecordingLog();

      Throwable thrown =
          assertTimeoutPreemptively(Duration.ofMinutes(3), () -> {
            try (RegistrySession session =
                new RegistrySession(
                    new RegistrySettings(Set.of(), Map.of("mcr.microsoft.com", mcr.hostPort())),
                    CredentialSource.anonymous(),
                    log)) {
              new ImageBuild(LocalBuildNode.here(), session, log).run(request);
              return null;
            } catch (Throwable t) {
              return t;
            }
          });

      assertThat(thrown).isExactlyInstanceOf(KonetException.class);
      assertThat(thrown.getMessage()).contains(base.manifestDigest()).contains("refusing it")
          .doesNotContain("\n");
      assertThat(target.http().findManifest("hostile/app", "1")).isEmpty();
      assertThat(target.http().findManifest("hostile/app", "1-linux-amd64")).isEmpty();
      assertThat(target.http().catalog()).doesNotContain("hostile/app");
    }
  }
}
