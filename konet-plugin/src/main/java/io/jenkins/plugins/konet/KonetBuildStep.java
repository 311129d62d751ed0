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
 * {@code konetBuild}: publishes the project on the current node for every platform, pushes the
 * images and one index from the controller, and returns the index digest.
 */
public class KonetBuildStep extends Step {

  private final PublishOptions publish = new PublishOptions();
  private final PushOptions push = new PushOptions();

  @DataBoundConstructor
  public KonetBuildStep(String tag) {
    push.tag = tag;
  }

  public String getTag() {
    return push.tag;
  }

  public List<String> getTags() {
    return push.tags;
  }

  /** More tags for the same index, in the same repository. */
  @DataBoundSetter
  public void setTags(List<String> tags) {
    push.tags = ListValues.normalize(tags);
  }

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

  public String getCredentialsId() {
    return push.credentialsId;
  }

  @DataBoundSetter
  public void setCredentialsId(String credentialsId) {
    push.credentialsId = Util.fixEmptyAndTrim(credentialsId);
  }

  public String getBaseCredentialsId() {
    return push.baseCredentialsId;
  }

  @DataBoundSetter
  public void setBaseCredentialsId(String baseCredentialsId) {
    push.baseCredentialsId = Util.fixEmptyAndTrim(baseCredentialsId);
  }

  public List<String> getBaseImages() {
    return push.baseImages;
  }

  /** {@code linux=IMAGE}, {@code windows=IMAGE} or {@code linux/arm64=IMAGE}. */
  @DataBoundSetter
  public void setBaseImages(List<String> baseImages) {
    push.baseImages = ListValues.normalize(baseImages);
  }

  public String getMirror() {
    return push.mirror;
  }

  @DataBoundSetter
  public void setMirror(String mirror) {
    push.mirror = Util.fixEmptyAndTrim(mirror);
  }

  public List<String> getInsecureRegistries() {
    return push.insecureRegistries;
  }

  @DataBoundSetter
  public void setInsecureRegistries(List<String> insecureRegistries) {
    push.insecureRegistries = ListValues.normalize(insecureRegistries);
  }

  public List<String> getLabels() {
    return push.labels;
  }

  /** {@code KEY=VALUE}, one a line. */
  @DataBoundSetter
  public void setLabels(List<String> labels) {
    push.labels = ListValues.normalizeLines(labels);
  }

  public String getUser() {
    return push.user;
  }

  @DataBoundSetter
  public void setUser(String user) {
    push.user = Util.fixEmptyAndTrim(user);
  }

  public boolean isPlatformTags() {
    return push.platformTags;
  }

  @DataBoundSetter
  public void setPlatformTags(boolean platformTags) {
    push.platformTags = platformTags;
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

  /** {@code self-contained} (default), {@code framework-dependent} or {@code aot}. */
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

  /** MSBuild properties, {@code NAME=VALUE}, one a line. */
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
    return new Execution(context, publish, push);
  }

  /** Runs the build off the Pipeline thread; returns the index digest. */
  static final class Execution extends SynchronousNonBlockingStepExecution<String> {
    private static final long serialVersionUID = 1L;

    private final PublishOptions publish;
    private final PushOptions push;

    Execution(StepContext context, PublishOptions publish, PushOptions push) {
      super(context);
      this.publish = publish;
      this.push = push;
    }

    @Override
    protected String run() throws Exception {
      StepContext context = getContext();
      Computer computer = context.get(Computer.class);
      return KonetFlows.buildAndPush(
              context.get(Run.class),
              context.get(FilePath.class),
              computer == null ? "" : computer.getName(),
              context.get(Launcher.class),
              context.get(TaskListener.class),
              context.get(EnvVars.class),
              publish,
              push)
          .indexDigest();
    }
  }

  /** Describes {@code konetBuild} and backs its configuration form. */
  @Extension
  public static final class DescriptorImpl extends StepDescriptor {

    @Override
    public String getFunctionName() {
      return "konetBuild";
    }

    @Override
    public String getDisplayName() {
      return "Build and push a .NET container image";
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
    public FormValidation doCheckTag(@AncestorInPath Item item, @QueryParameter String value) {
      return FormChecks.tag(item, value);
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

    @POST
    public ListBoxModel doFillCredentialsIdItems(
        @AncestorInPath Item item, @QueryParameter String credentialsId) {
      return FormChecks.credentials(item, credentialsId);
    }

    @POST
    public ListBoxModel doFillBaseCredentialsIdItems(
        @AncestorInPath Item item, @QueryParameter String baseCredentialsId) {
      return FormChecks.credentials(item, baseCredentialsId);
    }
  }
}
