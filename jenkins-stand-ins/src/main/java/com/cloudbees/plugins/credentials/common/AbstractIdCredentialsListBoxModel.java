package com.cloudbees.plugins.credentials.common;

import com.cloudbees.plugins.credentials.CredentialsMatcher;
import com.cloudbees.plugins.credentials.CredentialsMatchers;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.domains.DomainRequirement;
import hudson.model.Item;
import hudson.model.ItemGroup;
import hudson.util.ListBoxModel;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import jenkins.model.Jenkins;
import org.springframework.security.core.Authentication;

/**
 * Compile-time stand-in for {@code AbstractIdCredentialsListBoxModel} of credentials.
 *
 * <p>Only the Spring {@code Authentication} overloads are provided; the acegi ones are deprecated.
 */
@SuppressWarnings("rawtypes")
public abstract class AbstractIdCredentialsListBoxModel<
        T extends AbstractIdCredentialsListBoxModel<T, C>, C extends IdCredentials>
    extends ListBoxModel {
  private static final long serialVersionUID = 1L;

  protected abstract String describe(C c);

  public AbstractIdCredentialsListBoxModel<T, C> with(C u) {
    if (u != null) {
      add(describe(u), u.getId());
    }
    return this;
  }

  public AbstractIdCredentialsListBoxModel<T, C> includeEmptyValue() {
    for (Option o : this) {
      if ("".equals(o.value)) {
        return this;
      }
    }
    add(0, new Option("- none -", ""));
    return this;
  }

  public AbstractIdCredentialsListBoxModel<T, C> include(Item context, Class<? extends C> type) {
    return include(context, type, List.of());
  }

  public AbstractIdCredentialsListBoxModel<T, C> include(
      ItemGroup context, Class<? extends C> type) {
    return include(context, type, List.of());
  }

  public AbstractIdCredentialsListBoxModel<T, C> includeAs(
      Authentication authentication, Item context, Class<? extends C> type) {
    return includeAs(authentication, context, type, List.of());
  }

  public AbstractIdCredentialsListBoxModel<T, C> includeAs(
      Authentication authentication, ItemGroup context, Class<? extends C> type) {
    return includeAs(authentication, context, type, List.of());
  }

  public AbstractIdCredentialsListBoxModel<T, C> include(
      Item context, Class<? extends C> type, List<DomainRequirement> domainRequirements) {
    return includeMatching(context, type, domainRequirements, CredentialsMatchers.always());
  }

  public AbstractIdCredentialsListBoxModel<T, C> include(
      ItemGroup context, Class<? extends C> type, List<DomainRequirement> domainRequirements) {
    return includeMatching(context, type, domainRequirements, CredentialsMatchers.always());
  }

  public AbstractIdCredentialsListBoxModel<T, C> includeAs(
      Authentication authentication,
      Item context,
      Class<? extends C> type,
      List<DomainRequirement> domainRequirements) {
    return includeMatchingAs(
        authentication, context, type, domainRequirements, CredentialsMatchers.always());
  }

  public AbstractIdCredentialsListBoxModel<T, C> includeAs(
      Authentication authentication,
      ItemGroup context,
      Class<? extends C> type,
      List<DomainRequirement> domainRequirements) {
    return includeMatchingAs(
        authentication, context, type, domainRequirements, CredentialsMatchers.always());
  }

  public AbstractIdCredentialsListBoxModel<T, C> includeMatching(
      Item context,
      Class<? extends C> type,
      List<DomainRequirement> domainRequirements,
      CredentialsMatcher matcher) {
    return includeMatchingAs(
        Jenkins.getAuthentication2(), context, type, domainRequirements, matcher);
  }

  public AbstractIdCredentialsListBoxModel<T, C> includeMatching(
      ItemGroup context,
      Class<? extends C> type,
      List<DomainRequirement> domainRequirements,
      CredentialsMatcher matcher) {
    return includeMatchingAs(
        Jenkins.getAuthentication2(), context, type, domainRequirements, matcher);
  }

  public AbstractIdCredentialsListBoxModel<T, C> includeMatchingAs(
      Authentication authentication,
      Item context,
      Class<? extends C> type,
      List<DomainRequirement> domainRequirements,
      CredentialsMatcher matcher) {
    addMissing(
        CredentialsProvider.listCredentialsInItem(
            type, context, authentication, domainRequirements, matcher));
    return this;
  }

  public AbstractIdCredentialsListBoxModel<T, C> includeMatchingAs(
      Authentication authentication,
      ItemGroup context,
      Class<? extends C> type,
      List<DomainRequirement> domainRequirements,
      CredentialsMatcher matcher) {
    addMissing(
        CredentialsProvider.listCredentialsInItemGroup(
            type, context, authentication, domainRequirements, matcher));
    return this;
  }

  public AbstractIdCredentialsListBoxModel<T, C> includeCurrentValue(String value) {
    if (value == null || value.isEmpty()) {
      return includeEmptyValue();
    }
    for (Option o : this) {
      if (value.equals(o.value)) {
        return this;
      }
    }
    int index = isEmpty() ? 0 : "".equals(get(0).value) ? 1 : 0;
    add(index, new Option("- current -", value));
    return this;
  }

  public boolean addMissing(Collection<? extends Option> c) {
    Set<String> existing = new HashSet<>();
    for (Option o : this) {
      existing.add(o.value);
    }
    boolean changed = false;
    for (Option o : c) {
      if (existing.add(o.value)) {
        add(o);
        changed = true;
      }
    }
    return changed;
  }
}
