package io.jenkins.plugins.konet.standins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cloudbees.plugins.credentials.CredentialsMatchers;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.common.StandardListBoxModel;
import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import com.cloudbees.plugins.credentials.domains.HostnameRequirement;
import com.cloudbees.plugins.credentials.domains.URIRequirementBuilder;
import com.cloudbees.plugins.credentials.impl.UsernamePasswordCredentialsImpl;
import hudson.FilePath;
import hudson.model.Item;
import hudson.remoting.VirtualChannel;
import hudson.security.ACL;
import hudson.security.ACLContext;
import hudson.util.ListBoxModel;
import java.io.File;
import java.nio.file.Path;
import jenkins.MasterToSlaveFileCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;

class CredentialsHookTest {
  @TempDir Path dir;
  private StandInJob job;
  private StandInRun run;

  @BeforeEach
  void start() throws Exception {
    StandInJenkins.install();
    job = StandInJob.create("app");
    run = new StandInRun(job);
  }

  @AfterEach
  void reset() {
    StandInJenkins.reset();
  }

  @Test
  void findsRegisteredCredentialsAndRecordsTheLookupAndTheTracking() throws Exception {
    StandInCredentialsStore.addUsernamePassword("registry", "ci", "s3cret");

    StandardUsernamePasswordCredentials found =
        CredentialsProvider.findCredentialById(
            "registry",
            StandardUsernamePasswordCredentials.class,
            run,
            URIRequirementBuilder.fromUri("https://registry.example:5000/v2/").build());
    CredentialsProvider.track(run, found);

    assertThat(found.getUsername()).isEqualTo("ci");
    assertThat(found.getPassword().getPlainText()).isEqualTo("s3cret");
    assertThat(StandInCredentialsStore.lookups())
        .singleElement()
        .satisfies(
            l -> {
              assertThat(l.method()).isEqualTo("findCredentialById");
              assertThat(l.context()).isEqualTo("app#1");
              assertThat(l.agentSide()).isFalse();
              assertThat(l.thread()).isEqualTo(Thread.currentThread().getName());
              assertThat(l.caller()).startsWith(CredentialsHookTest.class.getName() + ".");
              assertThat(l.domainRequirements())
                  .filteredOn(HostnameRequirement.class::isInstance)
                  .extracting(r -> ((HostnameRequirement) r).getHostname())
                  .containsExactly("registry.example");
            });
    assertThat(StandInCredentialsStore.tracks())
        .singleElement()
        .satisfies(t -> assertThat(t.run() + " " + t.credentialsId()).isEqualTo("app#1 registry"));
  }

  private static final class LooksUpOnTheAgent extends MasterToSlaveFileCallable<Void> {
    private static final long serialVersionUID = 1L;
    private final String runJob;

    LooksUpOnTheAgent(String runJob) {
      this.runJob = runJob;
    }

    @Override
    public Void invoke(File f, VirtualChannel channel) throws java.io.IOException {
      StandInJob agentJob = new StandInJob(jenkins.model.Jenkins.get(), runJob);
      CredentialsProvider.findCredentialById(
          "registry", StandardUsernamePasswordCredentials.class, new StandInRun(agentJob));
      return null;
    }
  }

  @Test
  void aLookupFromAgentSideCodeIsMarkedAsSuch() throws Exception {
    new FilePath(dir.toFile()).act(new LooksUpOnTheAgent("app"));

    assertThat(StandInCredentialsStore.lookups())
        .singleElement()
        .satisfies(
            l -> {
              assertThat(l.agentSide()).isTrue();
              assertThat(l.caller()).contains("LooksUpOnTheAgent.invoke");
            });
  }

  @Test
  void systemScopedCredentialsAreNotVisibleToRuns() throws Exception {
    StandInCredentialsStore.add(
        new UsernamePasswordCredentialsImpl(CredentialsScope.SYSTEM, "sys", "", "u", "p"));

    assertThat(
            CredentialsProvider.findCredentialById(
                "sys", StandardUsernamePasswordCredentials.class, run))
        .isNull();
  }

  @Test
  void dropdownsListWhatTheCallerMaySeeAndPermissionsFollowImplication() {
    StandInCredentialsStore.addUsernamePassword("registry", "ci", "s3cret");
    Authentication alice = StandInSecurity.user("alice");
    StandInSecurity.grant(alice, job, Item.CONFIGURE);

    ListBoxModel model =
        new StandardListBoxModel()
            .includeEmptyValue()
            .includeMatchingAs(
                ACL.SYSTEM2,
                job,
                StandardUsernamePasswordCredentials.class,
                java.util.List.of(),
                CredentialsMatchers.always())
            .includeCurrentValue("registry");

    assertThat(model)
        .extracting(o -> o.name + "=" + o.value)
        .containsExactly("- none -=", "ci/******=registry");
    try (ACLContext ignored = ACL.as2(alice)) {
      assertThat(job.hasPermission(Item.EXTENDED_READ)).isTrue();
      assertThat(job.hasPermission(CredentialsProvider.USE_ITEM)).isTrue();
      assertThat(run.hasPermission(Item.CONFIGURE)).isTrue();
      assertThatThrownBy(
              () -> jenkins.model.Jenkins.get().checkPermission(jenkins.model.Jenkins.ADMINISTER))
          .isInstanceOf(AccessDeniedException.class);
    }
  }

  @Test
  void describablesFindTheirNestedDescriptor() throws Exception {
    UsernamePasswordCredentialsImpl c =
        new UsernamePasswordCredentialsImpl(CredentialsScope.GLOBAL, "x", "", "u", "p");

    assertThat(c.getDescriptor().getDisplayName()).isEqualTo("Username with password");
    assertThat(c.getDescriptor()).isSameAs(c.getDescriptor());
  }
}
