package io.jenkins.plugins.konet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;

import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.SystemCredentialsProvider;
import com.cloudbees.plugins.credentials.impl.UsernamePasswordCredentialsImpl;
import hudson.model.FreeStyleProject;
import java.util.List;
import org.jenkinsci.plugins.workflow.cps.SnippetizerTester;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * Configuration survives the forms and the Pipeline syntax: what a user saves is what the
 * build gets. Needs no registry.
 */
@WithJenkins
class KonetConfigurationJenkinsTest {

  @Test
  void freestyleBuilderSurvivesItsConfigurationForm(JenkinsRule j) throws Exception {
    addCredentials("push-registry");
    addCredentials("base-registry");
    FreeStyleProject project = j.createFreeStyleProject("configured");
    KonetBuilder before = new KonetBuilder("registry.example.com/shop/api:${BUILD_NUMBER}");
    before.setTags(List.of("registry.example.com/shop/api:latest"));
    before.setPlatforms(List.of("linux/amd64", "linux/arm64", "windows/amd64:ltsc2022"));
    before.setProject("src/Api/Api.csproj");
    before.setCredentialsId("push-registry");
    before.setBaseCredentialsId("base-registry");
    before.setBaseImages(List.of("windows=mcr.microsoft.com/windows/nanoserver:ltsc2022"));
    before.setBaseFamily("chiseled");
    before.setMirror("mirror.example.com");
    before.setInsecureRegistries(List.of("registry.local:5000"));
    before.setLabels(List.of("team=shop", "tier=web"));
    before.setUser("1654");
    before.setPlatformTags(true);
    before.setMode("framework-dependent");
    before.setFramework("net8.0");
    before.setConfiguration("Debug");
    before.setTrim(false);
    before.setSingleFile(true);
    before.setReadyToRun(true);
    before.setSingleLayer(true);
    before.setProperties(List.of("InvariantGlobalization=true", "TieredPGO=true"));
    before.setDotnet("/usr/share/dotnet/dotnet");
    before.setVerbose(true);
    project.getBuildersList().add(before);

    j.configRoundtrip(project);

    KonetBuilder after = project.getBuildersList().get(KonetBuilder.class);
    assertNotSame(before, after);
    j.assertEqualDataBoundBeans(before, after);
  }

  /**
   * The global configuration has no data-bound constructor (Jenkins holds one instance and binds
   * the form onto it), so the values are compared one by one, after the form and after a reload
   * from disk.
   */
  @Test
  void globalConfigurationSurvivesTheSystemPage(JenkinsRule j) throws Exception {
    addCredentials("push-registry");
    KonetGlobalConfiguration configuration = KonetGlobalConfiguration.get();
    configuration.setDefaultPlatforms("linux/amd64,windows/amd64:ltsc2022");
    configuration.setCredentialsId("push-registry");
    configuration.setMirror("mirror.example.com");
    configuration.setInsecureRegistries("registry.local:5000,mirror.example.com");

    j.configRoundtrip();

    KonetGlobalConfiguration after = KonetGlobalConfiguration.get();
    assertConfigured(after);
    after.load();
    assertConfigured(after);
  }

  @Test
  void pipelineSyntaxRoundTrips(JenkinsRule j) throws Exception {
    SnippetizerTester snippets = new SnippetizerTester(j);
    KonetBuildStep build = new KonetBuildStep("registry.example.com/shop/api:1.0");
    // The only required argument alone is written without its name.
    snippets.assertRoundTrip(build, "konetBuild 'registry.example.com/shop/api:1.0'");
    build.setPlatforms(List.of("linux/amd64", "windows/amd64:ltsc2022"));
    build.setDotnet("/usr/share/dotnet/dotnet");
    snippets.assertRoundTrip(build, "konetBuild dotnet: '/usr/share/dotnet/dotnet', "
        + "platforms: ['linux/amd64', 'windows/amd64:ltsc2022'], "
        + "tag: 'registry.example.com/shop/api:1.0'");

    KonetPublishStep publish = new KonetPublishStep();
    publish.setPlatforms(List.of("windows/amd64:ltsc2022"));
    // A sole list argument needs parentheses.
    snippets.assertRoundTrip(publish, "konetPublish(platforms: ['windows/amd64:ltsc2022'])");

    KonetPushStep push = new KonetPushStep("registry.example.com/shop/api:1.0");
    push.setCredentialsId("push-registry");
    snippets.assertRoundTrip(push, "konetPush credentialsId: 'push-registry', "
        + "tag: 'registry.example.com/shop/api:1.0'");
  }

  private static void assertConfigured(KonetGlobalConfiguration configuration) {
    assertEquals("linux/amd64,windows/amd64:ltsc2022", configuration.getDefaultPlatforms());
    assertEquals("push-registry", configuration.getCredentialsId());
    assertEquals("mirror.example.com", configuration.getMirror());
    assertEquals("registry.local:5000,mirror.example.com", configuration.getInsecureRegistries());
  }

  /** Global username/password credentials, so that the credential lists offer the ids. */
  private static void addCredentials(String id) throws Exception {
    SystemCredentialsProvider store = SystemCredentialsProvider.getInstance();
    store.getCredentials().add(new UsernamePasswordCredentialsImpl(
        CredentialsScope.GLOBAL, id, "test registry", "konet", "not-used-in-this-test"));
    store.save();
  }
}
