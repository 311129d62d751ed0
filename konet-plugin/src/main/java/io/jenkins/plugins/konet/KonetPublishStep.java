package io.jenkins.plugins.konet;

import hudson.EnvVars;
import hudson.Extension;
import hudson.Util;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.Computer;
import hudson.model.Item;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.konet.core.build.PublishedApp;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.jenkinsci.plugins.workflow.steps.SynchronousNonBlockingStepExecution;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * {@code konetPublish}: publishes and packs the project on the current node (a Windows agent for
 * Windows targets, say) and records the layers for a later {@code konetPush} in the same build.
 * Returns the runtime identifiers it published.
 */
public class KonetPublishStep extends Step {

  private final PublishOptions publish = new PublishOptions();

  @DataBoundConstructor
  public KonetPublishStep() {}

  public List<String> getPlatforms() {
    return publish.platforms;
  }

  @DataBoundSetter
  public void setPlatforms(List<String> platforms) {
    publish.platforms = ListValues.normalize(platforms);
  }

  public String getProject() {
    return publish.project;
  }

  @DataBoundSetter
  public void setProject(String project) {
    publish.project = project == null ? "" : project.strip();
  }

  public String getFramework() {
    return publish.framework;
  }

  @DataBoundSetter
  public void setFramework(String framework) {
    publish.framework = Util.fixEmptyAndTrim(framework);
  }

  public String getConfiguration() {
    return publish.configuration;
  }

  @DataBoundSetter
  public void setConfiguration(String configuration) {
    publish.configuration = Util.fixEmptyAndTrim(configuration);
  }

  public String getMode() {
    return publish.mode;
  }

  @DataBoundSetter
  public void setMode(String mode) {
    publish.mode = Util.fixEmptyAndTrim(mode);
  }

  public boolean isSingleFile() {
    return publish.singleFile;
  }

  @DataBoundSetter
  public void setSingleFile(boolean singleFile) {
    publish.singleFile = singleFile;
  }

  public boolean isReadyToRun() {
    return publish.readyToRun;
  }

  @DataBoundSetter
  public void setReadyToRun(boolean readyToRun) {
    publish.readyToRun = readyToRun;
  }

  public boolean isTrim() {
    return publish.trim;
  }

  @DataBoundSetter
  public void setTrim(boolean trim) {
    publish.trim = trim;
  }

  public boolean isSingleLayer() {
    return publish.singleLayer;
  }

  @DataBoundSetter
  public void setSingleLayer(boolean singleLayer) {
    publish.singleLayer = singleLayer;
  }

  public List<String> getProperties() {
    return publish.properties;
  }

  @DataBoundSetter
  public void setProperties(List<String> properties) {
    publish.properties = ListValues.normalizeLines(properties);
  }

  public String getBaseFamily() {
    return publish.baseFamily;
  }

  @DataBoundSetter
  public void setBaseFamily(String baseFamily) {
    publish.baseFamily = Util.fixEmptyAndTrim(baseFamily);
  }

  public String getDotnet() {
    return publish.dotnet;
  }

  @DataBoundSetter
  public void setDotnet(String dotnet) {
    publish.dotnet = Util.fixEmptyAndTrim(dotnet);
  }

  public boolean isVerbose() {
    return publish.verbose;
  }

  @DataBoundSetter
  public void setVerbose(boolean verbose) {
    publish.verbose = verbose;
  }

  @Override
  public StepExecution start(StepContext context) {
    return new Execution(context, publish);
  }

  /** Publishes off the Pipeline thread; returns the published RIDs. */
  static final class Execution extends SynchronousNonBlockingStepExecution<List<String>> {
    private static final long serialVersionUID = 1L;

    private final PublishOptions publish;

    Execution(StepContext context, PublishOptions publish) {
      super(context);
      this.publish = publish;
    }

    @Override
    protected List<String> run() throws Exception {
      StepContext context = getContext();
      Computer computer = context.get(Computer.class);
      PublishedApp app =
          KonetFlows.publish(
              context.get(Run.class),
              context.get(FilePath.class),
              computer == null ? "" : computer.getName(),
              context.get(Launcher.class),
              context.get(TaskListener.class),
              context.get(EnvVars.class),
              publish);
      List<String> rids = new ArrayList<>();
      app.runtimes().forEach(runtime -> rids.add(runtime.rid()));
      return rids;
    }
  }

  /** Describes {@code konetPublish}. */
  @Extension
  public static final class DescriptorImpl extends StepDescriptor {

    @Override
    public String getFunctionName() {
      return "konetPublish";
    }

    @Override
    public String getDisplayName() {
      return "Publish a .NET project for konetPush";
    }

    @Override
    public Set<? extends Class<?>> getRequiredContext() {
      return Set.of(Run.class, FilePath.class, Launcher.class, TaskListener.class,
          EnvVars.class);
    }

    /** One value a line, for the form's text areas. */
    public String lines(List<String> values) {
      return values == null ? "" : ListValues.asText(values);
    }

    @POST
    public ListBoxModel doFillModeItems() {
      return FormChecks.modes();
    }

    @POST
    public ListBoxModel doFillBaseFamilyItems() {
      return FormChecks.baseFamilies();
    }

    @POST
    public FormValidation doCheckPlatforms(
        @AncestorInPath Item item, @QueryParameter String value) {
      return FormChecks.platforms(item, value);
    }
  }
}
