package io.jenkins.plugins.konet;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.Describable;
import io.jenkins.plugins.konet.standins.StandInJenkins;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * Parameters bind the way Pipeline and the forms bind them (constructor, then setters) and read
 * back through getters of the same type, which is how Jenkins writes a step back out for the
 * Snippet Generator and the job configuration.
 */
class BindingStandInTest {

  @AfterEach
  void reset() {
    StandInJenkins.reset();
  }

  private static Map<String, Object> everyBuildParameter() {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("tags", List.of("registry.example.com/shop/api:latest"));
    values.put("platforms", List.of("linux/amd64", "windows/amd64:ltsc2022"));
    values.put("project", "src/Api/Api.csproj");
    values.put("credentialsId", "registry");
    values.put("baseCredentialsId", "mcr-mirror");
    values.put("baseImages", List.of("linux=registry.example.com/dotnet/runtime-deps:8.0"));
    values.put("mirror", "mirror.example.com:5000");
    values.put("insecureRegistries", List.of("lab.internal:5000"));
    values.put("labels", List.of("team=shop", "tier=api, backend"));
    values.put("user", "1654");
    values.put("platformTags", true);
    values.put("framework", "net8.0");
    values.put("configuration", "Debug");
    values.put("mode", "framework-dependent");
    values.put("singleFile", true);
    values.put("readyToRun", true);
    values.put("trim", false);
    values.put("singleLayer", true);
    values.put("properties", List.of("Version=1.4.2"));
    values.put("baseFamily", "alpine");
    values.put("dotnet", "/opt/dotnet/dotnet");
    values.put("verbose", true);
    return values;
  }

  @Test
  void konetBuildParametersRoundTrip() throws Exception {
    roundTrip(KonetBuildStep.class, everyBuildParameter());
  }

  @Test
  void freestyleBuilderHasTheSameParametersAsKonetBuild() throws Exception {
    roundTrip(KonetBuilder.class, everyBuildParameter());
    assertThat(setterNames(KonetBuilder.class)).isEqualTo(setterNames(KonetBuildStep.class));
  }

  @Test
  void konetPublishParametersRoundTrip() throws Exception {
    Map<String, Object> values = new LinkedHashMap<>(everyBuildParameter());
    values.keySet().retainAll(setterNames(KonetPublishStep.class));
    assertThat(values).containsKeys("platforms", "project", "mode", "dotnet")
        .doesNotContainKeys("credentialsId", "tags");
    roundTripWithoutConstructorArgument(KonetPublishStep.class, values);
  }

  @Test
  void konetPushParametersRoundTrip() throws Exception {
    Map<String, Object> values = new LinkedHashMap<>(everyBuildParameter());
    values.keySet().retainAll(setterNames(KonetPushStep.class));
    assertThat(values).containsKeys("credentialsId", "tags", "baseImages", "labels")
        .doesNotContainKeys("platforms", "project");
    roundTrip(KonetPushStep.class, values);
  }

  @Test
  void formTextBecomesTheSameListPipelineWouldPass() {
    KonetBuildStep fromForm = new KonetBuildStep("registry.example.com/shop/api:1");
    fromForm.setPlatforms(List.of("linux/amd64, linux/arm64\r\nwindows/amd64:ltsc2022\n\n"));
    fromForm.setLabels(List.of("team=shop\ndescription=a, b and c"));

    assertThat(fromForm.getPlatforms())
        .containsExactly("linux/amd64", "linux/arm64", "windows/amd64:ltsc2022");
    assertThat(fromForm.getLabels()).containsExactly("team=shop", "description=a, b and c");
    KonetBuildStep.DescriptorImpl descriptor = new KonetBuildStep.DescriptorImpl();
    KonetBuildStep again = new KonetBuildStep("registry.example.com/shop/api:1");
    again.setPlatforms(List.of(descriptor.lines(fromForm.getPlatforms())));
    assertThat(again.getPlatforms()).isEqualTo(fromForm.getPlatforms());
  }

  @Test
  void defaultsAreThoseADefaultBuildNeeds() {
    KonetBuildStep step = new KonetBuildStep("registry.example.com/shop/api:1");

    assertThat(step.getPlatforms()).isEmpty();
    assertThat(step.getProject()).isEmpty();
    assertThat(step.getConfiguration()).isEqualTo("Release");
    assertThat(step.isTrim()).isTrue();
    assertThat(step.isSingleLayer()).isFalse();
  }

  @Test
  void stepNamesAndTheBuilderSymbolDoNotCollide() {
    assertThat(new KonetBuildStep.DescriptorImpl().getFunctionName()).isEqualTo("konetBuild");
    assertThat(new KonetPublishStep.DescriptorImpl().getFunctionName()).isEqualTo("konetPublish");
    assertThat(new KonetPushStep.DescriptorImpl().getFunctionName()).isEqualTo("konetPush");
    String builderSymbol =
        KonetBuilder.DescriptorImpl.class.getAnnotation(Symbol.class).value()[0];
    assertThat(builderSymbol).isNotIn("konetBuild", "konetPublish", "konetPush");
    assertThat(new KonetPushStep.DescriptorImpl().getRequiredContext())
        .noneMatch(type -> type.getSimpleName().equals("FilePath"));
    for (StepDescriptor descriptor : List.of(new KonetBuildStep.DescriptorImpl(),
        new KonetPublishStep.DescriptorImpl())) {
      assertThat(descriptor.getRequiredContext())
          .anyMatch(type -> type.getSimpleName().equals("FilePath"));
    }
  }

  /** Binds {@code values} as Jenkins does and checks every getter gives back what was set. */
  private static void roundTrip(Class<?> type, Map<String, Object> values) throws Exception {
    Constructor<?> constructor = dataBoundConstructor(type);
    assertThat(constructor.getParameterCount()).isEqualTo(1);
    Object instance = constructor.newInstance("registry.example.com/shop/api:1.4");
    bindAndCheck(instance, values);
    assertThat(getter(type, "tag", String.class).invoke(instance))
        .isEqualTo("registry.example.com/shop/api:1.4");
  }

  private static void roundTripWithoutConstructorArgument(
      Class<?> type, Map<String, Object> values) throws Exception {
    Object instance = dataBoundConstructor(type).newInstance();
    bindAndCheck(instance, values);
  }

  private static void bindAndCheck(Object instance, Map<String, Object> values) throws Exception {
    Class<?> type = instance.getClass();
    assertThat(values.keySet()).containsExactlyInAnyOrderElementsOf(setterNames(type));
    for (Map.Entry<String, Object> value : values.entrySet()) {
      Method setter = setter(type, value.getKey());
      setter.invoke(instance, value.getValue());
    }
    for (Map.Entry<String, Object> value : values.entrySet()) {
      Method setter = setter(type, value.getKey());
      Method getter = getter(type, value.getKey(), setter.getParameterTypes()[0]);
      Type setterType = setter.getGenericParameterTypes()[0];
      assertThat(getter.getGenericReturnType()).as(value.getKey()).isEqualTo(setterType);
      assertThat(getter.invoke(instance)).as(value.getKey()).isEqualTo(value.getValue());
    }
    assertThat(instance).isInstanceOfAny(Describable.class,
        org.jenkinsci.plugins.workflow.steps.Step.class);
  }

  private static Constructor<?> dataBoundConstructor(Class<?> type) {
    for (Constructor<?> constructor : type.getConstructors()) {
      if (constructor.isAnnotationPresent(DataBoundConstructor.class)) {
        return constructor;
      }
    }
    throw new AssertionError(type + " has no @DataBoundConstructor");
  }

  private static List<String> setterNames(Class<?> type) {
    List<String> names = new ArrayList<>();
    for (Method method : type.getMethods()) {
      if (method.isAnnotationPresent(DataBoundSetter.class)) {
        String name = method.getName().substring(3);
        names.add(name.substring(0, 1).toLowerCase(Locale.ROOT) + name.substring(1));
      }
    }
    names.sort(null);
    return names;
  }

  private static Method setter(Class<?> type, String name) {
    String wanted = "set" + name.substring(0, 1).toUpperCase(Locale.ROOT) + name.substring(1);
    for (Method method : type.getMethods()) {
      if (method.getName().equals(wanted) && method.isAnnotationPresent(DataBoundSetter.class)) {
        return method;
      }
    }
    throw new AssertionError(type.getSimpleName() + " has no @DataBoundSetter " + wanted);
  }

  private static Method getter(Class<?> type, String name, Class<?> valueType)
      throws NoSuchMethodException {
    String capitalized = name.substring(0, 1).toUpperCase(Locale.ROOT) + name.substring(1);
    return type.getMethod((valueType == boolean.class ? "is" : "get") + capitalized);
  }
}
