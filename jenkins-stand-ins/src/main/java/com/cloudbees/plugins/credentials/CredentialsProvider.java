package com.cloudbees.plugins.credentials;

import com.cloudbees.plugins.credentials.common.IdCredentials;
import com.cloudbees.plugins.credentials.domains.DomainRequirement;
import hudson.ExtensionPoint;
import hudson.model.Describable;
import hudson.model.Descriptor;
import hudson.model.Item;
import hudson.model.ItemGroup;
import hudson.model.Run;
import hudson.security.ACL;
import hudson.security.Permission;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.konet.standins.StandInCredentialsStore;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import jenkins.model.Jenkins;
import org.springframework.security.core.Authentication;

/**
 * Compile-time stand-in for {@code CredentialsProvider} of credentials.
 *
 * <p>The static methods serve the credentials of {@link StandInCredentialsStore} the way the real
 * system provider does: only {@link ACL#SYSTEM2} sees them, {@code SYSTEM}-scoped ones only in the
 * context of Jenkins itself; domain requirements and build parameters are not applied. Every lookup
 * and every {@link #track} call is recorded by the store.
 */
public abstract class CredentialsProvider extends Descriptor<CredentialsProvider>
    implements ExtensionPoint, Describable<CredentialsProvider> {
  public static final Permission USE_OWN =
      Permission.standIn(
          CredentialsProvider.class,
          "UseOwn",
          Boolean.getBoolean("com.cloudbees.plugins.credentials.UseOwnPermission")
              ? Jenkins.ADMINISTER
              : Item.BUILD,
          Boolean.getBoolean("com.cloudbees.plugins.credentials.UseOwnPermission"));
  public static final Permission USE_ITEM =
      Permission.standIn(
          CredentialsProvider.class,
          "UseItem",
          Item.CONFIGURE,
          Boolean.getBoolean("com.cloudbees.plugins.credentials.UseItemPermission"));
  public static final Permission CREATE =
      Permission.standIn(CredentialsProvider.class, "Create", Permission.CREATE, true);
  public static final Permission UPDATE =
      Permission.standIn(CredentialsProvider.class, "Update", Permission.UPDATE, true);
  public static final Permission VIEW =
      Permission.standIn(CredentialsProvider.class, "View", Permission.READ, true);
  public static final Permission DELETE =
      Permission.standIn(CredentialsProvider.class, "Delete", Permission.DELETE, true);
  public static final Permission MANAGE_DOMAINS =
      Permission.standIn(CredentialsProvider.class, "ManageDomains", Permission.CONFIGURE, true);

  @SuppressWarnings("unchecked")
  public CredentialsProvider() {
    super(Descriptor.self());
  }

  @Override
  public Descriptor<CredentialsProvider> getDescriptor() {
    return this;
  }

  public static <C extends IdCredentials> C findCredentialById(
      String id, Class<C> type, Run<?, ?> run) {
    return findCredentialById(id, type, run, List.of());
  }

  public static <C extends IdCredentials> C findCredentialById(
      String id, Class<C> type, Run<?, ?> run, DomainRequirement... domainRequirements) {
    return findCredentialById(id, type, run, Arrays.asList(domainRequirements));
  }

  public static <C extends IdCredentials> C findCredentialById(
      String id, Class<C> type, Run<?, ?> run, List<DomainRequirement> domainRequirements) {
    StandInCredentialsStore.recordLookup(
        "findCredentialById", id, type, run.getExternalizableId(), domainRequirements);
    String wanted = id.trim();
    for (C c : visible(type, false, ACL.SYSTEM2)) {
      if (c.getId().equals(wanted)) {
        return c;
      }
    }
    return null;
  }

  public static <C extends Credentials> List<C> lookupCredentialsInItem(
      Class<C> type,
      Item item,
      Authentication authentication,
      List<DomainRequirement> requirements) {
    StandInCredentialsStore.recordLookup(
        "lookupCredentialsInItem",
        null,
        type,
        item == null ? "" : item.getFullName(),
        requirements);
    return visible(type, item == null, authentication);
  }

  public static <C extends Credentials> List<C> lookupCredentialsInItemGroup(
      Class<C> type,
      ItemGroup itemGroup,
      Authentication authentication,
      List<DomainRequirement> requirements) {
    StandInCredentialsStore.recordLookup(
        "lookupCredentialsInItemGroup", null, type, groupName(itemGroup), requirements);
    return visible(type, itemGroup == null || itemGroup instanceof Jenkins, authentication);
  }

  public static <C extends IdCredentials> ListBoxModel listCredentialsInItem(
      Class<C> type,
      Item item,
      Authentication authentication,
      List<DomainRequirement> requirements,
      CredentialsMatcher matcher) {
    StandInCredentialsStore.recordLookup(
        "listCredentialsInItem", null, type, item == null ? "" : item.getFullName(), requirements);
    return toListBox(visible(type, item == null, authentication), matcher);
  }

  public static <C extends IdCredentials> ListBoxModel listCredentialsInItemGroup(
      Class<C> type,
      ItemGroup itemGroup,
      Authentication authentication,
      List<DomainRequirement> requirements,
      CredentialsMatcher matcher) {
    StandInCredentialsStore.recordLookup(
        "listCredentialsInItemGroup", null, type, groupName(itemGroup), requirements);
    return toListBox(
        visible(type, itemGroup == null || itemGroup instanceof Jenkins, authentication), matcher);
  }

  @SuppressWarnings("rawtypes")
  public static <C extends Credentials> C track(Run build, C credentials) {
    if (credentials != null) {
      StandInCredentialsStore.recordTrack(build, credentials);
    }
    return credentials;
  }

  @SuppressWarnings("rawtypes")
  public static <C extends Credentials> List<C> trackAll(Run build, List<C> credentials) {
    for (C c : credentials) {
      track(build, c);
    }
    return credentials;
  }

  @SuppressWarnings("rawtypes")
  private static String groupName(ItemGroup itemGroup) {
    return itemGroup == null ? "" : itemGroup.getFullName();
  }

  private static <C extends Credentials> List<C> visible(
      Class<C> type, boolean jenkinsContext, Authentication authentication) {
    List<C> result = new ArrayList<>();
    if (authentication != null && !ACL.SYSTEM2.equals(authentication)) {
      return result;
    }
    for (Credentials c : StandInCredentialsStore.all()) {
      boolean inScope = jenkinsContext || c.getScope() != CredentialsScope.SYSTEM;
      if (inScope && type.isInstance(c)) {
        result.add(type.cast(c));
      }
    }
    return result;
  }

  private static ListBoxModel toListBox(
      List<? extends IdCredentials> credentials, CredentialsMatcher matcher) {
    ListBoxModel model = new ListBoxModel();
    for (IdCredentials c : credentials) {
      if (matcher.matches(c)) {
        model.add(CredentialsNameProvider.name(c), c.getId());
      }
    }
    return model;
  }
}
