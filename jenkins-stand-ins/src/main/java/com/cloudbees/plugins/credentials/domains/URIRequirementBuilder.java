package com.cloudbees.plugins.credentials.domains;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;

/** Compile-time stand-in for {@code URIRequirementBuilder} of credentials. */
public class URIRequirementBuilder {
  private final List<DomainRequirement> requirements;

  private URIRequirementBuilder(List<DomainRequirement> requirements) {
    this.requirements = new ArrayList<>(requirements);
  }

  public static URIRequirementBuilder create() {
    return new URIRequirementBuilder(List.of());
  }

  public static URIRequirementBuilder fromUri(String uri) {
    return create().withUri(uri);
  }

  public URIRequirementBuilder duplicate() {
    return new URIRequirementBuilder(requirements);
  }

  public URIRequirementBuilder withUri(String uri) {
    if (uri != null) {
      try {
        URI u = new URI(uri);
        withScheme(u.getScheme());
        withHostnamePort(u.getHost(), u.getPort());
        withPath(u.getRawPath());
      } catch (URISyntaxException e) {
        withoutScheme().withoutHostname().withoutHostnamePort();
      }
    }
    return this;
  }

  public URIRequirementBuilder withoutScheme() {
    requirements.removeIf(SchemeRequirement.class::isInstance);
    return this;
  }

  public URIRequirementBuilder withoutPath() {
    requirements.removeIf(PathRequirement.class::isInstance);
    return this;
  }

  public URIRequirementBuilder withoutHostname() {
    requirements.removeIf(HostnameRequirement.class::isInstance);
    return this;
  }

  public URIRequirementBuilder withoutHostnamePort() {
    requirements.removeIf(HostnamePortRequirement.class::isInstance);
    return this;
  }

  public URIRequirementBuilder withScheme(String scheme) {
    withoutScheme();
    if (scheme != null) {
      requirements.add(new SchemeRequirement(scheme));
    }
    return this;
  }

  public URIRequirementBuilder withPath(String path) {
    withoutPath();
    if (path != null) {
      requirements.add(new PathRequirement(path));
    }
    return this;
  }

  public URIRequirementBuilder withHostname(String hostname) {
    return withHostnamePort(hostname, -1);
  }

  public URIRequirementBuilder withHostnamePort(String hostname, int port) {
    withoutHostname();
    withoutHostnamePort();
    if (hostname != null) {
      requirements.add(new HostnameRequirement(hostname));
      if (port != -1) {
        requirements.add(new HostnamePortRequirement(hostname, port));
      }
    }
    return this;
  }

  public List<DomainRequirement> build() {
    return new ArrayList<>(requirements);
  }
}
