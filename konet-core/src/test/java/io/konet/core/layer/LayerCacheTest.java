package io.konet.core.layer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LayerCacheTest {

  @TempDir Path temp;

  private Path output(String name, String appCode) throws IOException {
    Path out = Files.createDirectories(temp.resolve(name));
    Files.copy(Path.of("src/test/resources/split/hello.deps.json"), out.resolve("hello.deps.json"));
    Files.writeString(out.resolve("hello"), "apphost");
    Files.writeString(out.resolve("hello.dll"), appCode);
    Files.writeString(out.resolve("System.Private.CoreLib.dll"), "corelib".repeat(1000));
    Files.writeString(out.resolve("libcoreclr.so"), "coreclr".repeat(1000));
    Files.writeString(out.resolve("Newtonsoft.Json.dll"), "json".repeat(1000));
    return out;
  }

  private Map<LayerKind, PackedLayer> pack(Path output, Path cache, long maxBytes)
      throws Exception {
    PackedLayers packed =
        LayerPacker.pack(new LayerPackRequest(output.toString(),
            temp.resolve("scratch-" + output.getFileName()).toString(), false, "hello", true, 0,
            cache.toString(), maxBytes));
    return packed.layers().stream().collect(Collectors.toMap(PackedLayer::kind, l -> l));
  }

  @Test
  void unchangedLayersComeFromTheCacheWithTheSameDigests() throws Exception {
    Path cache = temp.resolve("cache");
    Map<LayerKind, PackedLayer> first = pack(output("one", "v1"), cache, Long.MAX_VALUE);
    Map<LayerKind, PackedLayer> second = pack(output("two", "v2"), cache, Long.MAX_VALUE);

    assertThat(first.values()).noneMatch(PackedLayer::reused);
    assertThat(second.get(LayerKind.RUNTIME).reused()).isTrue();
    assertThat(second.get(LayerKind.DEPENDENCIES).reused()).isTrue();
    assertThat(second.get(LayerKind.APP).reused()).isFalse();
    assertThat(second.get(LayerKind.RUNTIME).digest())
        .isEqualTo(first.get(LayerKind.RUNTIME).digest());
    assertThat(second.get(LayerKind.RUNTIME).location())
        .isEqualTo(first.get(LayerKind.RUNTIME).location());
    assertThat(Path.of(second.get(LayerKind.RUNTIME).location())).startsWith(cache).exists();
    assertThat(temp.resolve("scratch-two")).isEmptyDirectory();
  }

  @Test
  void aCachedLayerIsTheSameAsAFreshlyCompressedOne() throws Exception {
    Path output = output("one", "v1");
    Map<LayerKind, PackedLayer> cached = pack(output, temp.resolve("cache"), Long.MAX_VALUE);
    PackedLayers fresh =
        LayerPacker.pack(new LayerPackRequest(output.toString(),
            temp.resolve("fresh").toString(), false, "hello", true, 0, null, 0));

    for (PackedLayer layer : fresh.layers()) {
      assertThat(cached.get(layer.kind()).digest()).isEqualTo(layer.digest());
      assertThat(Files.readAllBytes(Path.of(cached.get(layer.kind()).location())))
          .isEqualTo(Files.readAllBytes(Path.of(layer.location())));
    }
  }

  @Test
  void damagedEntriesAreWrittenAgain() throws Exception {
    Path cache = temp.resolve("cache");
    Map<LayerKind, PackedLayer> first = pack(output("one", "v1"), cache, Long.MAX_VALUE);
    Files.writeString(Path.of(first.get(LayerKind.RUNTIME).location()), "truncated");

    Map<LayerKind, PackedLayer> second = pack(output("two", "v1"), cache, Long.MAX_VALUE);

    assertThat(second.get(LayerKind.RUNTIME).reused()).isFalse();
    assertThat(second.get(LayerKind.RUNTIME).digest())
        .isEqualTo(first.get(LayerKind.RUNTIME).digest());
  }

  @Test
  void theLeastRecentlyUsedEntriesGoWhenTheCacheIsFullButNotThoseInUse() throws Exception {
    Path cache = temp.resolve("cache");
    Map<LayerKind, PackedLayer> first = pack(output("one", "v1"), cache, Long.MAX_VALUE);
    for (Path blob : blobs(cache)) {
      Files.setLastModifiedTime(blob, FileTime.from(Instant.now().minus(Duration.ofDays(3))));
    }

    Map<LayerKind, PackedLayer> second = pack(output("two", "v2"), cache, 1);

    Path oldApp = Path.of(first.get(LayerKind.APP).location());
    assertThat(blobs(cache)).containsExactlyInAnyOrder(
        Path.of(second.get(LayerKind.RUNTIME).location()),
        Path.of(second.get(LayerKind.DEPENDENCIES).location()),
        Path.of(second.get(LayerKind.APP).location()))
        .doesNotContain(oldApp);
    assertThat(Path.of(oldApp.toString().replace(".tar.gz", ".json"))).doesNotExist();
  }

  private static List<Path> blobs(Path cache) throws IOException {
    try (Stream<Path> list = Files.list(cache)) {
      return list.filter(p -> p.toString().endsWith(".tar.gz")).sorted().toList();
    }
  }
}
