package io.jenkins.plugins.konet;

import hudson.EnvVars;
import hudson.Extension;
import hudson.Util;
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
 * {@code konetPush}: pushes every platform that {@code konetPublish} recorded in this build, from
 * whichever nodes published them, under one index; returns the index digest. Needs no node: it
 * runs on the controller, where the registry credentials are.
 */
public class KonetPushStep extends Step {

  private final PushOptions push = new PushOptions();
  private boolean verbose;

  @DataBoundConstructor
  public KonetPushStep(String tag) {
    push.tag = tag;
  }

  public String getTag() {
    return push.tag;
  }

  public List<String> getTags() {
    return push.tags;
  }

  @DataBoundSetter
  public void setTags(List<String> tags) {
    push.tags = ListValues.normalize(tags);
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

  public boolean isVerbose() {
    return verbose;
  }

  @DataBoundSetter
  public void setVerbose(boolean verbose) {
    this.verbose = verbose;
  }

  @Override
  public StepExecution start(StepContext context) {
    return new Execution(context, push, verbose);
  }

  /** Pushes off the Pipeline thread; returns the index digest. */
  static final class Execution extends SynchronousNonBlockingStepExecution<String> {
    private static final long serialVersionUID = 1L;

    private final PushOptions push;
    private final boolean verbose;

    Execution(StepContext context, PushOptions push, boolean verbose) {
      super(context);
      this.push = push;
      this.verbose = verbose;
    }

    @Override
    protected String run() throws Exception {
      StepContext context = getContext();
      return KonetFlows.pushRecorded(
              context.get(Run.class),
              context.get(TaskListener.class),
              context.get(EnvVars.class),
              push,
              verbose)
          .indexDigest();
    }
  }

  /** Describes {@code konetPush}. */
  @Extension
  public static final class DescriptorImpl extends StepDescriptor {

    @Override
    public String getFunctionName() {
      return "konetPush";
    }

    @Override
    public String getDisplayName() {
      return "Push the images konetPublish recorded";
    }

    @Override
    public Set<? extends Class<?>> getRequiredContext() {
      return Set.of(Run.class, TaskListener.class, EnvVars.class);
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
