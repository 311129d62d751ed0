package io.konet.core.layer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LayerSplitTest {

  private static final String DEPS_JSON =
      """
      {
        "runtimeTarget": {"name": ".NETCoreApp,Version=v8.0/linux-x64", "signature": ""},
        "compilationOptions": {},
        "targets": {
          ".NETCoreApp,Version=v8.0": {},
          ".NETCoreApp,Version=v8.0/linux-x64": {
            "hello/1.0.0": {
              "dependencies": {"Newtonsoft.Json": "13.0.3", "Lib": "1.0.0"},
              "runtime": {"hello.dll": {}}
            },
            "runtimepack.Microsoft.NETCore.App.Runtime.linux-x64/8.0.11": {
              "runtime": {"System.Private.CoreLib.dll": {"assemblyVersion": "8.0.0.0"}},
              "native": {"libcoreclr.so": {"fileVersion": "0.0.0.0"}, "createdump": {}}
            },
            "Newtonsoft.Json/13.0.3": {
              "runtime": {"lib/net6.0/Newtonsoft.Json.dll": {"assemblyVersion": "13.0.0.0"}},
              "resources": {"lib/net6.0/de/Newtonsoft.Json.resources.dll": {"locale": "de"}}
            },
            "Lib/1.0.0": {"runtime": {"Lib.dll": {}}}
          }
        },
        "libraries": {
          "hello/1.0.0": {"type": "project", "serviceable": false, "sha512": ""},
          "runtimepack.Microsoft.NETCore.App.Runtime.linux-x64/8.0.11": {
            "type": "runtimepack", "serviceable": false, "sha512": ""},
          "Newtonsoft.Json/13.0.3": {"type": "package", "serviceable": true,
            "sha512": "sha512-abc", "path": "newtonsoft.json/13.0.3",
            "hashPath": "newtonsoft.json.13.0.3.nupkg.sha512"},
          "Lib/1.0.0": {"type": "project", "serviceable": false, "sha512": ""}
        }
      }
      """;

  @TempDir Path temp;

  private Path output(String name, String appCode) throws IOException {
    Path out = Files.createDirectories(temp.resolve(name));
    Files.writeString(out.resolve("hello.deps.json"), DEPS_JSON);
    Files.writeString(out.resolve("hello"), "apphost");
    Files.writeString(out.resolve("hello.dll"), appCode);
    Files.writeString(out.resolve("Lib.dll"), "project reference");
    Files.writeString(out.resolve("appsettings.json"), "{}");
    Files.writeString(out.resolve("System.Private.CoreLib.dll"), "corelib");
    Files.writeString(out.resolve("libcoreclr.so"), "coreclr");
    Files.writeString(out.resolve("createdump"), "createdump");
    Files.writeString(out.resolve("Newtonsoft.Json.dll"), "json");
    Files.createDirectories(out.resolve("de"));
    Files.writeString(out.resolve("de/Newtonsoft.Json.resources.dll"), "german");
    return out;
  }

  private Map<LayerKind, PackedLayer> pack(Path output, String layers, boolean split)
      throws Exception {
    PackedLayers packed =
        LayerPacker.pack(new LayerPackRequest(output.toString(), temp.resolve(layers).toString(),
            false, "hello", split, 0, null, 0));
    return packed.layers().stream()
        .collect(Collectors.toMap(PackedLayer::kind, Function.identity(), (a, b) -> a,
            java.util.LinkedHashMap::new));
  }

  @Test
  void splitsRuntimeDependenciesAndAppByDepsJson() throws Exception {
    Map<LayerKind, PackedLayer> layers = pack(output("out", "v1"), "layers", true);

    assertThat(layers.keySet())
        .containsExactly(LayerKind.RUNTIME, LayerKind.DEPENDENCIES, LayerKind.APP);
    assertThat(names(layers.get(LayerKind.RUNTIME)))
        .containsExactlyInAnyOrder("app/", "app/System.Private.CoreLib.dll", "app/libcoreclr.so",
            "app/createdump");
    assertThat(names(layers.get(LayerKind.DEPENDENCIES)))
        .containsExactlyInAnyOrder("app/", "app/Newtonsoft.Json.dll", "app/de/",
            "app/de/Newtonsoft.Json.resources.dll");
    assertThat(names(layers.get(LayerKind.APP)))
        .contains("app/hello", "app/hello.dll", "app/Lib.dll", "app/hello.deps.json",
            "app/appsettings.json")
        .doesNotContain("app/libcoreclr.so", "app/Newtonsoft.Json.dll");
  }

  @Test
  void anAppOnlyChangeChangesOnlyTheAppLayer() throws Exception {
    Map<LayerKind, PackedLayer> before = pack(output("before", "v1"), "a", true);
    Map<LayerKind, PackedLayer> after = pack(output("after", "v2"), "b", true);

    assertThat(after.get(LayerKind.RUNTIME).digest()).isEqualTo(before.get(LayerKind.RUNTIME).digest());
    assertThat(after.get(LayerKind.DEPENDENCIES).digest())
        .isEqualTo(before.get(LayerKind.DEPENDENCIES).digest());
    assertThat(after.get(LayerKind.APP).digest()).isNotEqualTo(before.get(LayerKind.APP).digest());
  }

  @Test
  void splittingOffGivesOneLayerWithEverything() throws Exception {
    Map<LayerKind, PackedLayer> layers = pack(output("out", "v1"), "layers", false);

    assertThat(layers.keySet()).containsExactly(LayerKind.ALL);
    assertThat(layers.get(LayerKind.ALL).fileCount()).isEqualTo(10);
  }

  @Test
  void outputWithoutDepsJsonStaysOneLayer() throws Exception {
    Path out = output("out", "v1");
    Files.delete(out.resolve("hello.deps.json"));

    assertThat(pack(out, "layers", true).keySet()).containsExactly(LayerKind.ALL);
  }

  private static List<String> names(PackedLayer layer) throws IOException {
    return List.copyOf(LayerPackerTest.read(layer).keySet());
  }
}
