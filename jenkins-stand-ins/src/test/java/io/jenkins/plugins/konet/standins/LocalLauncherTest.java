package io.jenkins.plugins.konet.standins;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.FilePath;
import hudson.Launcher;
import hudson.util.StreamTaskListener;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalLauncherTest {
  @TempDir Path dir;

  @Test
  void runsAProcessAndStreamsItsOutput() throws Exception {
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Launcher launcher =
        new Launcher.LocalLauncher(new StreamTaskListener(log, StandardCharsets.UTF_8));

    int exit =
        launcher
            .launch()
            .cmds(
                "sh", "-c", "echo \"$GREETING from $(basename \"$(pwd)\")\"; echo oops >&2; exit 3")
            .envs(Map.of("GREETING", "hello"))
            .pwd(new FilePath(dir.toFile()))
            .stdout(out)
            .stderr(err)
            .join();

    assertThat(exit).isEqualTo(3);
    assertThat(out.toString(StandardCharsets.UTF_8))
        .isEqualTo("hello from " + dir.getFileName() + "\n");
    assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("oops\n");
    assertThat(log.toString(StandardCharsets.UTF_8))
        .startsWith("[" + dir.getFileName() + "] $ sh -c");
  }

  @Test
  void mergesStderrIntoStdoutExpandsArgumentsAndCanBeQuiet() throws Exception {
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Launcher launcher =
        new Launcher.LocalLauncher(new StreamTaskListener(log, StandardCharsets.UTF_8));

    int exit =
        launcher
            .launch()
            .cmds("sh", "-c", "echo ${RID}; echo second >&2")
            .envs("RID=linux-x64")
            .stdout(out)
            .quiet(true)
            .join();

    assertThat(exit).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("linux-x64\nsecond\n");
    assertThat(log.size()).isZero();
  }
}
