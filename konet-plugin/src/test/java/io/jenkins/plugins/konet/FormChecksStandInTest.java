package io.jenkins.plugins.konet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hudson.model.Item;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.konet.standins.StandInCredentialsStore;
import io.jenkins.plugins.konet.standins.StandInJenkins;
import io.jenkins.plugins.konet.standins.StandInJob;
import io.jenkins.plugins.konet.standins.StandInSecurity;
import java.lang.reflect.Method;
import java.util.List;
import jenkins.model.Jenkins;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kohsuke.stapler.verb.POST;
import org.springframework.security.core.Authentication;

/** Form checks and credential lists answer only to users with the right permissions. */
class FormChecksStandInTest {

  private StandInJob job;
  private final Authentication developer = StandInSecurity.user("developer");
  private final Authentication visitor = StandInSecurity.user("visitor");

  @BeforeEach
  void start() {
    StandInJenkins.install();
    StandInJenkins.register(new KonetGlobalConfiguration());
    job = StandInJob.create("api");
    StandInCredentialsStore.addUsernamePassword("registry", "alice", "pw");
    StandInSecurity.grant(developer, job, Item.CONFIGURE, Item.READ);
    StandInSecurity.grant(visitor, job, Item.READ);
  }

  @AfterEach
  void stop() {
    StandInJenkins.reset();
  }

  private <T> T as(Authentication who, java.util.function.Supplier<T> action) {
    Authentication previous = StandInSecurity.setCurrent(who);
    try {
      return action.get();
    } finally {
      StandInSecurity.setCurrent(previous);
    }
  }

  @Test
  void tagCheckExplainsInvalidTagsToUsersWhoConfigureTheJob() {
    KonetBuildStep.DescriptorImpl descriptor = new KonetBuildStep.DescriptorImpl();

    FormValidation bad = as(developer, () -> descriptor.doCheckTag(job, "registry.example.com/Shop:1"));
    FormValidation good = as(developer, () -> descriptor.doCheckTag(job, "registry.example.com/shop:1"));
    FormValidation variable = as(developer, () -> descriptor.doCheckTag(job, "r.example.com/s:${BUILD_NUMBER}"));
    FormValidation hidden = as(visitor, () -> descriptor.doCheckTag(job, "registry.example.com/Shop:1"));

    assertThat(bad.kind).isEqualTo(FormValidation.Kind.ERROR);
    assertThat(bad.renderHtml()).contains("repository names must be lowercase");
    assertThat(good.kind).isEqualTo(FormValidation.Kind.OK);
    assertThat(variable.kind).isEqualTo(FormValidation.Kind.OK);
    assertThat(hidden.kind).isEqualTo(FormValidation.Kind.OK);
    assertThat(hidden.renderHtml()).doesNotContain("lowercase");
  }

  @Test
  void platformCheckListsTheSupportedPlatforms() {
    KonetBuilder.DescriptorImpl descriptor = new KonetBuilder.DescriptorImpl();

    FormValidation bad = as(developer, () -> descriptor.doCheckPlatforms(job, "linux/amd64\nlinux/s390x"));
    FormValidation good = as(developer, () -> descriptor.doCheckPlatforms(job,
        "linux/amd64, windows/amd64:ltsc2022"));

    assertThat(bad.kind).isEqualTo(FormValidation.Kind.ERROR);
    assertThat(bad.renderHtml()).contains("linux/s390x").contains("linux/arm/v7");
    assertThat(good.kind).isEqualTo(FormValidation.Kind.OK);
  }

  @Test
  void credentialsAreListedOnlyToUsersWhoMayConfigureTheJob() {
    KonetPushStep.DescriptorImpl descriptor = new KonetPushStep.DescriptorImpl();

    ListBoxModel forDeveloper = as(developer, () -> descriptor.doFillCredentialsIdItems(job, ""));
    ListBoxModel forVisitor = as(visitor, () -> descriptor.doFillCredentialsIdItems(job, "kept"));

    assertThat(values(forDeveloper)).contains("registry");
    assertThat(values(forVisitor)).containsExactly("kept");
  }

  @Test
  void globalChecksNeedAdministerPermission() {
    KonetGlobalConfiguration global = new KonetGlobalConfiguration();

    assertThatThrownBy(() -> as(developer, () -> global.doCheckDefaultPlatforms("linux/amd64")))
        .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
    assertThat(values(as(developer, () -> global.doFillCredentialsIdItems("current"))))
        .containsExactly("current");
    assertThat(global.doCheckDefaultPlatforms("linux/riscv64").kind)
        .isEqualTo(FormValidation.Kind.ERROR);
  }

  @Test
  void everyWebMethodThatChecksOrListsIsPostOnly() {
    for (Class<?> type : List.of(KonetBuildStep.DescriptorImpl.class,
        KonetPublishStep.DescriptorImpl.class, KonetPushStep.DescriptorImpl.class,
        KonetBuilder.DescriptorImpl.class, KonetGlobalConfiguration.class)) {
      for (Method method : type.getDeclaredMethods()) {
        if (method.getName().startsWith("doCheck") || method.getName().startsWith("doFill")) {
          assertThat(method.isAnnotationPresent(POST.class))
              .as(type.getSimpleName() + "." + method.getName()).isTrue();
        }
      }
    }
  }

  @Test
  void globalConfigurationKeepsWhatItIsGiven() {
    KonetGlobalConfiguration global = new KonetGlobalConfiguration();
    global.setDefaultPlatforms(" linux/amd64,linux/arm64 ");
    global.setCredentialsId("registry");
    global.setMirror("mirror.example.com:5000");
    global.setInsecureRegistries("");

    assertThat(global.getDefaultPlatforms()).isEqualTo("linux/amd64,linux/arm64");
    assertThat(global.getCredentialsId()).isEqualTo("registry");
    assertThat(global.getMirror()).isEqualTo("mirror.example.com:5000");
    assertThat(global.getInsecureRegistries()).isNull();
    assertThat(Jenkins.get()).isNotNull();
  }

  private static List<String> values(ListBoxModel model) {
    return model.stream().map(option -> option.value).filter(v -> !v.isEmpty()).toList();
  }
}
