package io.jenkins.plugins.konet;

import com.cloudbees.plugins.credentials.CredentialsMatchers;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.common.StandardListBoxModel;
import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import hudson.model.Item;
import hudson.security.ACL;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.konet.core.KonetException;
import io.konet.core.platform.PlatformParser;
import io.konet.core.registry.ImageName;
import java.util.Collections;
import java.util.List;
import jenkins.model.Jenkins;

/**
 * The checks and lists behind the configuration forms, shared by the steps and the builder.
 * Callers are {@code @POST} web methods; the permission checks are here, so that no form can be
 * used to probe images or list credentials without the right to configure the job.
 */
final class FormChecks {

  private FormChecks() {}

  /** Whether the current user may configure {@code item} (or Jenkins, without an item). */
  static boolean canConfigure(Item item) {
    return item == null
        ? Jenkins.get().hasPermission(Jenkins.ADMINISTER)
        : item.hasPermission(Item.CONFIGURE);
  }

  static FormValidation tag(Item item, String value) {
    if (!canConfigure(item)) {
      return FormValidation.ok();
    }
    if (value == null || value.isBlank()) {
      return FormValidation.error("Name the image, such as registry.example.com/shop/api:1.0.");
    }
    if (value.contains("$")) {
      return FormValidation.ok("Holds a variable; it is checked when the build runs.");
    }
    try {
      ImageName.parse(value);
      return FormValidation.ok();
    } catch (KonetException e) {
      return FormValidation.error(e.getMessage());
    }
  }

  static FormValidation platforms(Item item, String value) {
    if (!canConfigure(item)) {
      return FormValidation.ok();
    }
    return platforms(value);
  }

  static FormValidation platforms(String value) {
    try {
      PlatformParser.parseAll(ListValues.normalize(List.of(value == null ? "" : value)));
      return FormValidation.ok();
    } catch (KonetException e) {
      return FormValidation.error(e.getMessage());
    }
  }

  /** The publish modes, the first following the project. */
  static ListBoxModel modes() {
    ListBoxModel modes = new ListBoxModel();
    modes.add("Follow the project (self-contained unless it sets PublishAot)", "");
    modes.add("Self-contained, on runtime-deps", "self-contained");
    modes.add("Framework-dependent, on runtime or aspnet", "framework-dependent");
    modes.add("Native AOT, on runtime-deps", "aot");
    return modes;
  }

  /** The Linux base image families, the first the default. */
  static ListBoxModel baseFamilies() {
    ListBoxModel families = new ListBoxModel();
    families.add("Debian (default)", "");
    families.add("Alpine (musl)", "alpine");
    families.add("Ubuntu chiseled (distroless)", "chiseled");
    return families;
  }

  /**
   * Username/password credentials for a registry, listed the way the credentials plugin asks:
   * only to users who may configure the item (or administer Jenkins, without one) or use its
   * credentials; others see just the current value.
   */
  static ListBoxModel credentials(Item item, String current) {
    StandardListBoxModel result = new StandardListBoxModel();
    if (item == null
        ? !Jenkins.get().hasPermission(Jenkins.ADMINISTER)
        : !item.hasPermission(Item.EXTENDED_READ)
            && !item.hasPermission(CredentialsProvider.USE_ITEM)) {
      result.includeCurrentValue(current);
      return result;
    }
    result.includeEmptyValue();
    if (item == null) {
      result.includeMatchingAs(ACL.SYSTEM2, Jenkins.get(),
          StandardUsernamePasswordCredentials.class, Collections.emptyList(),
          CredentialsMatchers.always());
    } else {
      result.includeMatchingAs(ACL.SYSTEM2, item, StandardUsernamePasswordCredentials.class,
          Collections.emptyList(), CredentialsMatchers.always());
    }
    result.includeCurrentValue(current);
    return result;
  }
}
