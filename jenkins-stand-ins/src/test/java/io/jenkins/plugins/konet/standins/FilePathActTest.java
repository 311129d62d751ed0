package io.jenkins.plugins.konet.standins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hudson.FilePath;
import hudson.remoting.VirtualChannel;
import java.io.File;
import java.io.IOException;
import java.io.NotSerializableException;
import java.nio.file.Files;
import java.nio.file.Path;
import jenkins.MasterToSlaveFileCallable;
import jenkins.security.Roles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FilePathActTest {
  @TempDir Path dir;

  @AfterEach
  void reset() {
    StandInJenkins.reset();
  }

  private static final class CountLines extends MasterToSlaveFileCallable<Integer> {
    private static final long serialVersionUID = 1L;
    private final String name;

    CountLines(String name) {
      this.name = name;
    }

    @Override
    public Integer invoke(File f, VirtualChannel channel) throws IOException {
      assertThat(StandInAgent.isAgentSide()).isTrue();
      return Files.readAllLines(new File(f, name).toPath()).size();
    }
  }

  private static final class HoldsAThread extends MasterToSlaveFileCallable<Void> {
    private static final long serialVersionUID = 1L;
    private final Thread notSerializable = Thread.currentThread();

    @Override
    public Void invoke(File f, VirtualChannel channel) {
      return null;
    }
  }

  private static final class ReturnsAThread extends MasterToSlaveFileCallable<Object> {
    private static final long serialVersionUID = 1L;

    @Override
    public Object invoke(File f, VirtualChannel channel) {
      return Thread.currentThread();
    }
  }

  @Test
  void runsAReceivedCopyOfTheCallableOnTheFile() throws Exception {
    Files.writeString(dir.resolve("a.txt"), "1\n2\n3\n");
    CountLines sent = new CountLines("a.txt");

    int lines = new FilePath(dir.toFile()).act(sent);

    assertThat(lines).isEqualTo(3);
    assertThat(StandInAgent.isAgentSide()).isFalse();
    assertThat(StandInAgent.sent(CountLines.class)).hasSize(1).first().isNotSameAs(sent);
    assertThat(StandInAgent.sent().get(0).roles()).containsExactly(Roles.SLAVE);
  }

  @Test
  void aFieldThatCannotBeSerializedFailsTheCall() {
    FilePath workspace = new FilePath(dir.toFile());

    assertThatThrownBy(() -> workspace.act(new HoldsAThread()))
        .isInstanceOf(IOException.class)
        .hasRootCauseInstanceOf(NotSerializableException.class);
    assertThat(StandInAgent.sent()).isEmpty();
  }

  @Test
  void aResultThatCannotBeSerializedFailsTheCall() {
    FilePath workspace = new FilePath(dir.toFile());

    assertThatThrownBy(() -> workspace.act(new ReturnsAThread()))
        .hasRootCauseInstanceOf(NotSerializableException.class);
  }

  @Test
  void pathsResolveLikeTheRealFilePath() {
    FilePath ws = new FilePath((VirtualChannel) null, "/work/ws/");

    assertThat(ws.getRemote()).isEqualTo("/work/ws");
    assertThat(ws.child("out/./bin/../app").getRemote()).isEqualTo("/work/ws/out/app");
    assertThat(ws.child("/abs").getRemote()).isEqualTo("/abs");
    assertThat(ws.child("a/b.tar.gz").getName()).isEqualTo("b.tar.gz");
    assertThat(ws.getParent().getRemote()).isEqualTo("/work");
    assertThat(new FilePath((VirtualChannel) null, "/").getParent()).isNull();
  }
}
