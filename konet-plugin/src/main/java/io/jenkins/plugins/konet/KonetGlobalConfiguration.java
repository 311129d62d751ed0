package io.jenkins.plugins.konet;

import hudson.Extension;
import hudson.ExtensionList;
import hudson.Util;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import jenkins.model.GlobalConfiguration;
import jenkins.model.Jenkins;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * Defaults for every konet step on this controller: platforms, registry credentials, a mirror for
 * mcr.microsoft.com and insecure registries. Configuration as code sets them through the
 * data-bound setters ({@code unclassified: konet: ...}).
 */
@Extension
@Symbol("konet")
public class KonetGlobalConfiguration extends GlobalConfiguration {

  private String defaultPlatforms;
  private String credentialsId;
  private String mirror;
  private String insecureRegistries;

  public KonetGlobalConfiguration() {
    load();
  }

  /** The instance Jenkins holds, or null outside Jenkins. */
  public static KonetGlobalConfiguration get() {
    Jenkins jenkins = Jenkins.getInstanceOrNull();
    if (jenkins == null) {
      return null;
    }
    return ExtensionList.lookupSingleton(KonetGlobalConfiguration.class);
  }

  public String getDefaultPlatforms() {
    return defaultPlatforms;
  }

  /** Platforms for steps that name none, comma separated; blank for linux/amd64,linux/arm64. */
  @DataBoundSetter
  public void setDefaultPlatforms(String defaultPlatforms) {
    this.defaultPlatforms = Util.fixEmptyAndTrim(defaultPlatforms);
    save();
  }

  public String getCredentialsId() {
    return credentialsId;
  }

  /** Registry credentials for steps that name none. */
  @DataBoundSetter
  public void setCredentialsId(String credentialsId) {
    this.credentialsId = Util.fixEmptyAndTrim(credentialsId);
    save();
  }

  public String getMirror() {
    return mirror;
  }

  /** Where to read mcr.microsoft.com images from: {@code HOST[:PORT]} or {@code REGISTRY=HOST}. */
  @DataBoundSetter
  public void setMirror(String mirror) {
    this.mirror = Util.fixEmptyAndTrim(mirror);
    save();
  }

  public String getInsecureRegistries() {
    return insecureRegistries;
  }

  /** Registries allowed over plain HTTP or unverified TLS, comma separated. */
  @DataBoundSetter
  public void setInsecureRegistries(String insecureRegistries) {
    this.insecureRegistries = Util.fixEmptyAndTrim(insecureRegistries);
    save();
  }

  @POST
  public FormValidation doCheckDefaultPlatforms(@QueryParameter String value) {
    Jenkins.get().checkPermission(Jenkins.ADMINISTER);
    return FormChecks.platforms(value);
  }

  @POST
  public ListBoxModel doFillCredentialsIdItems(@QueryParameter String credentialsId) {
    return FormChecks.credentials(null, credentialsId);
  }
}
