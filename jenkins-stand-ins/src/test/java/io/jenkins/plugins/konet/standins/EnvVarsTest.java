package io.jenkins.plugins.konet.standins;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.EnvVars;
import hudson.model.EnvironmentContributingAction;
import hudson.model.InvisibleAction;
import hudson.model.Run;
import hudson.model.TaskListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EnvVarsTest {
  @AfterEach
  void reset() {
    StandInJenkins.reset();
  }

  @Test
  void expandsLikeUtilReplaceMacro() {
    EnvVars env = new EnvVars("BUILD_NUMBER", "42", "REGISTRY", "127.0.0.1:5000");

    assertThat(env.expand("app:${BUILD_NUMBER}")).isEqualTo("app:42");
    assertThat(env.expand("$REGISTRY/app:$BUILD_NUMBER")).isEqualTo("127.0.0.1:5000/app:42");
    assertThat(env.expand("${build_number} costs $$5 ${UNKNOWN} $UNKNOWN"))
        .isEqualTo("42 costs $5 ${UNKNOWN} $UNKNOWN");
    assertThat(env.expand(null)).isNull();
  }

  @Test
  void overridesPrependPathAndRemoveEmptyValues() {
    EnvVars env = new EnvVars("PATH", "/usr/bin", "GONE", "x");

    env.overrideAll(new EnvVars("PATH+DOTNET", "/opt/dotnet", "gone", ""));

    assertThat(env).containsEntry("Path", "/opt/dotnet" + java.io.File.pathSeparator + "/usr/bin");
    assertThat(env).doesNotContainKey("GONE");
  }

  private static final class Contributes extends InvisibleAction
      implements EnvironmentContributingAction {
    @Override
    public void buildEnvironment(Run<?, ?> run, EnvVars env) {
      env.put("IMAGE", env.expand("app:${BUILD_NUMBER}"));
    }
  }

  @Test
  void aRunsEnvironmentCarriesItsNumberAndContributedVariables() throws Exception {
    StandInJenkins.install();
    StandInJob job = StandInJob.create("folder-less");
    new StandInRun(job);
    StandInRun run = new StandInRun(job);
    run.addAction(new Contributes());

    EnvVars env = run.getEnvironment(TaskListener.NULL);

    assertThat(env)
        .containsEntry("BUILD_NUMBER", "2")
        .containsEntry("JOB_NAME", "folder-less")
        .containsEntry("IMAGE", "app:2");
    assertThat(run.getExternalizableId()).isEqualTo("folder-less#2");
  }
}
