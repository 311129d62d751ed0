package io.jenkins.plugins.konet.standins;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.Extension;
import hudson.ExtensionList;
import hudson.model.TaskListener;
import hudson.util.FormValidation;
import hudson.util.Secret;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import jenkins.model.GlobalConfiguration;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.jenkinsci.plugins.workflow.steps.SynchronousNonBlockingStepExecution;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class StepAndFormTest {
  @AfterEach
  void reset() {
    StandInJenkins.reset();
  }

  static final class Greet extends Step {
    @Override
    public StepExecution start(StepContext context) {
      return new SynchronousNonBlockingStepExecution<String>(context) {
        private static final long serialVersionUID = 1L;

        @Override
        protected String run() throws Exception {
          getContext().get(TaskListener.class).getLogger().println("greeting");
          return "hello";
        }
      };
    }

    @Extension
    public static final class DescriptorImpl extends StepDescriptor {
      @Override
      public Set<? extends Class<?>> getRequiredContext() {
        return Set.of(TaskListener.class);
      }

      @Override
      public String getFunctionName() {
        return "greet";
      }
    }
  }

  @Extension
  public static final class Settings extends GlobalConfiguration {
    String registry = "127.0.0.1:5000";
  }

  @Test
  void aSynchronousNonBlockingStepReportsItsValueToTheContext() throws Exception {
    StandInJenkins.install();
    StandInStepContext context =
        new StandInStepContext().with(TaskListener.class, TaskListener.NULL);
    Greet step = new Greet();

    boolean synchronous = step.start(context).start();

    assertThat(synchronous).isFalse();
    assertThat(context.await(5, TimeUnit.SECONDS)).isEqualTo("hello");
    assertThat(step.getDescriptor().getFunctionName()).isEqualTo("greet");
    assertThat(ExtensionList.lookupSingleton(Settings.class).registry).isEqualTo("127.0.0.1:5000");
    assertThat(GlobalConfiguration.all().get(Settings.class))
        .isSameAs(ExtensionList.lookupSingleton(Settings.class));
  }

  @Test
  void formValidationEscapesAndSecretsDoNotMaskToString() {
    FormValidation error = FormValidation.error("tag <latest> is mutable");

    assertThat(error.kind).isEqualTo(FormValidation.Kind.ERROR);
    assertThat(error.getMessage()).isEqualTo("tag &lt;latest&gt; is mutable");
    assertThat(FormValidation.ok().kind).isEqualTo(FormValidation.Kind.OK);
    assertThat(FormValidation.ok().getMessage()).isNull();
    assertThat(Secret.fromString("pw").getPlainText()).isEqualTo("pw");
    assertThat(Secret.fromString("pw").toString()).isEqualTo("pw");
  }
}
