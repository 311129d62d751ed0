package io.konet.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The benchmark in its quick mode, so that it keeps working; its numbers are not checked. */
class BenchmarkSmokeTest {

  @Test
  void quickRunMeasuresEveryRunInBothModes(@TempDir Path work) throws Exception {
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    List<LayerBenchmark.Measurement> measurements =
        new LayerBenchmark(work, new PrintStream(printed, true, StandardCharsets.UTF_8),
            LayerBenchmark.Options.parse(new String[] {"--quick"})).run();

    assertThat(measurements).extracting(m -> m.run() + "/" + m.mode()).containsExactly(
        "cold/single", "warm/single", "rebuild/single", "cold/split", "warm/split",
        "rebuild/split");
    assertThat(measurements).allSatisfy(m -> assertThat(m.wallMillis()).isPositive());
    assertThat(measurements).filteredOn(m -> m.run().equals("warm"))
        .allSatisfy(m -> assertThat(m.blobsUploaded()).isZero());
    assertThat(measurements).filteredOn(m -> m.run().equals("cold"))
        .allSatisfy(m -> assertThat(m.bytesToRegistry()).isGreaterThan(m.engineBytes()));
    assertThat(printed.toString(StandardCharsets.UTF_8))
        .contains("| run | mode | image work (s) |", "| rebuild | ");
  }
}
