package io.konet.core.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.konet.core.KonetException;
import io.konet.core.image.BaseImage;
import io.konet.core.image.BaseImageResolver;
import io.konet.core.image.ImageSettings;
import io.konet.core.layer.PackedLayer;
import io.konet.core.platform.Platform;
import io.konet.core.platform.PlatformParser;
import io.konet.core.publish.PublishPlan;
import io.konet.core.publish.PublishSettings;
import io.konet.core.push.PublishedSource;
import io.konet.core.push.PushPhase;
import io.konet.core.push.PushResult;
import io.konet.core.push.RegistryTarget;
import io.konet.core.registry.CredentialSource;
import io.konet.core.registry.ImageName;
import io.konet.core.registry.RegistrySession;
import io.konet.testing.RawManifest;
import io.konet.testing.SampleProjects;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The split form as the Jenkins plugin runs it: two nodes publish (each keeps its layers), and one
 * push on the "controller" asks the registry first and reads from a node only the layers the
 * registry lacks, then writes one index with the platforms of both nodes.
 */
class SplitFormTest {

  @TempDir static Path shared;
  static EngineFixture fixture;

  @BeforeAll
  static void start() {
    fixture = new EngineFixture(shared);
  }

  @AfterAll
  static void stop() {
    fixture.close();
  }

  /** A node with its own scratch area, whose layer reads are counted as the transfer port. */
  static final class CountingNode {
    final LocalBuildNode node;
    final List<String> opened = new CopyOnWriteArrayList<>();
    final AtomicLong bytes = new AtomicLong();

    CountingNode(String name, Path root) throws IOException {
      node = new LocalBuildNode(name, root, Files.createDirectories(root.resolve("scratch")),
          new LocalCommandRunner());
    }

    LayerSource transferPort() {
      return layer -> {
        opened.add(layer.digest());
        InputStream in = node.open(layer);
        return new FilterInputStream(in) {
          @Override
          public int read(byte[] buffer, int offset, int length) throws IOException {
            int read = super.read(buffer, offset, length);
            if (read > 0) {
              bytes.addAndGet(read);
            }
            return read;
          }
        };
      };
    }

    PublishedApp publish(Path project, String platforms, PublishSettings settings)
        throws Exception {
      PublishPhase phase = new PublishPhase(node, new RecordingLog());
      PublishPlan plan = phase.prepare(project.toString(), PlatformParser.parseList(platforms),
          settings);
      return phase.publish(plan, settings, 0);
    }
  }

  private PushResult push(List<PublishedSource> sources, String repository, String tag) throws Exception {
    RecordingLog log = new RecordingLog();
    ImageSettings image = ImageSettings.builder().build();
    try (RegistrySession session =
        new RegistrySession(fixture.registrySettings(), CredentialSource.anonymous(), log)) {
      PushPhase push = new PushPhase(session, new BaseImageResolver(session, log), log, 4);
      List<PushPhase.PlatformJob> jobs = PushPhase.plan(sources, image);
      Map<Platform, BaseImage> bases = push.resolveBases(jobs);
      ImageName name = ImageName.parse(fixture.target.hostPort() + "/" + repository + ":" + tag);
      return push.push(jobs, bases, image, new RegistryTarget(session, name), List.of(tag),
          false);
    }
  }

  @Test
  void twoPublishesAndOnePushGiveOneIndexWithLinuxAndWindows(@TempDir Path temp)
      throws Exception {
    Path project = SampleProjects.copyHello(temp.resolve("src"));
    CountingNode linux = new CountingNode("linux-agent", temp.resolve("linux"));
    CountingNode windows = new CountingNode("windows-agent", temp.resolve("windows"));
    PublishSettings settings = fixture.publish().build();

    PublishedApp fromLinux = linux.publish(project, "linux/amd64,linux/arm64", settings);
    PublishedApp fromWindows = windows.publish(project, "windows/amd64:ltsc2022", settings);
    assertThat(Path.of(fromLinux.scratchDirectory())).startsWith(temp.resolve("linux"));
    assertThat(Path.of(fromWindows.scratchDirectory())).startsWith(temp.resolve("windows"));

    PushResult result =
        push(List.of(new PublishedSource(fromLinux, linux.transferPort()),
            new PublishedSource(fromWindows, windows.transferPort())), "split/both", "1");

    RawManifest index = fixture.target.http().getManifest("split/both", "1");
    assertThat(index.digest()).isEqualTo(result.indexDigest());
    List<String> platforms = new ArrayList<>();
    for (JsonNode entry : index.json().path("manifests")) {
      platforms.add(entry.path("platform").path("os").asText() + "/"
          + entry.path("platform").path("architecture").asText());
    }
    assertThat(platforms).containsExactly("linux/amd64", "linux/arm64", "windows/amd64");
    assertThat(linux.opened).containsExactlyInAnyOrderElementsOf(digests(fromLinux));
    assertThat(windows.opened).containsExactlyInAnyOrderElementsOf(digests(fromWindows));

    linux.opened.clear();
    windows.opened.clear();
    linux.bytes.set(0);
    PushResult again =
        push(List.of(new PublishedSource(fromLinux, linux.transferPort()),
            new PublishedSource(fromWindows, windows.transferPort())), "split/both", "2");

    assertThat(again.indexDigest()).isEqualTo(result.indexDigest());
    assertThat(linux.opened).isEmpty();
    assertThat(windows.opened).isEmpty();
    assertThat(linux.bytes.get()).isZero();

    linux.node.deleteScratchDirectory(fromLinux.scratchDirectory());
    windows.node.deleteScratchDirectory(fromWindows.scratchDirectory());
  }

  @Test
  void onlyLayersTheRegistryLacksTravel(@TempDir Path temp) throws Exception {
    Path project = SampleProjects.copyHello(temp.resolve("src"));
    CountingNode first = new CountingNode("first", temp.resolve("first"));
    PublishedApp before = first.publish(project, "linux/amd64", fixture.publish().build());
    push(List.of(new PublishedSource(before, first.transferPort())), "split/changed", "before");
    Path program = project.resolveSibling("Program.cs");
    Files.writeString(program, Files.readString(program) + "\n// changed\n");
    CountingNode second = new CountingNode("second", temp.resolve("second"));
    PublishedApp after = second.publish(project, "linux/amd64", fixture.publish().build());

    push(List.of(new PublishedSource(after, second.transferPort())), "split/changed", "after");

    List<PackedLayer> layers = after.runtimes().get(0).layers().layers();
    PackedLayer appLayer = layers.get(layers.size() - 1);
    assertThat(second.opened).containsExactly(appLayer.digest());
    assertThat(second.bytes.get()).isEqualTo(appLayer.size());
  }

  @Test
  void aPlatformPublishedTwiceIsRefused(@TempDir Path temp) throws Exception {
    Path project = SampleProjects.copyHello(temp.resolve("src"));
    CountingNode a = new CountingNode("agent-a", temp.resolve("a"));
    CountingNode b = new CountingNode("agent-b", temp.resolve("b"));
    PublishedApp one = a.publish(project, "linux/amd64", fixture.publish().build());
    PublishedApp two = b.publish(project, "linux/amd64", fixture.publish().build());

    assertThatThrownBy(
            () -> push(List.of(new PublishedSource(one, a.transferPort()),
                new PublishedSource(two, b.transferPort())), "split/twice", "1"))
        .isInstanceOf(KonetException.class)
        .hasMessage("Platform linux/amd64 was published twice (on agent-a and on agent-b);"
            + " publish each platform once.");
    assertThat(fixture.target.http().findManifest("split/twice", "1")).isEmpty();
  }

  private static List<String> digests(PublishedApp app) {
    List<String> digests = new ArrayList<>();
    app.runtimes().forEach(runtime ->
        runtime.layers().layers().forEach(layer -> digests.add(layer.digest())));
    return digests;
  }
}
