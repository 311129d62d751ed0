package io.jenkins.plugins.konet;

import hudson.EnvVars;
import hudson.Extension;
import hudson.Util;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.AbstractProject;
import hudson.model.Computer;
import hudson.model.Item;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.tasks.BuildStepDescriptor;
import hudson.tasks.Builder;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import jenkins.tasks.SimpleBuildStep;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * The freestyle build step: the same as {@code konetBuild}, with {@code ${VAR}} in the tags and
 * the project expanded from the build's environment (multibranch jobs use {@code
 * ${BRANCH_NAME}}, {@code ${BUILD_NUMBER}}). Its Pipeline symbol differs from the step's name,
 * which would win over it.
 */
public class KonetBuilder extends Builder implements SimpleBuildStep {

  private final PublishOptions publish = new PublishOptions();
  private final PushOptions push = new PushOptions();

  @DataBoundConstructor
  public KonetBuilder(String tag) {
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
  public void perform(
      Run<?, ?> run, FilePath workspace, EnvVars env, Launcher launcher, TaskListener listener)
      throws InterruptedException, IOException {
    PublishOptions expandedPublish = publish.copy();
    expandedPublish.project = env.expand(publish.project);
    PushOptions expandedPush = push.copy();
    expandedPush.tag = env.expand(push.tag);
    List<String> tags = new ArrayList<>();
    push.tags.forEach(tag -> tags.add(env.expand(tag)));
    expandedPush.tags = tags;
    Computer computer = workspace.toComputer();
    KonetFlows.buildAndPush(run, workspace, computer == null ? "" : computer.getName(), launcher,
        listener, env, expandedPublish, expandedPush);
  }

  /** Describes the builder and backs its configuration form. */
  @Extension
  @Symbol("konetBuilder")
  public static final class DescriptorImpl extends BuildStepDescriptor<Builder> {

    @Override
    public boolean isApplicable(Class<? extends AbstractProject> jobType) {
      return true;
    }

    @Override
    public String getDisplayName() {
      return "Build and push a .NET container image (konet)";
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
