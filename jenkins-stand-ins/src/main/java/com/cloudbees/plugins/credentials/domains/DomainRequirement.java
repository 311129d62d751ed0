package com.cloudbees.plugins.credentials.domains;

import java.io.Serializable;

/** Compile-time stand-in for {@code DomainRequirement} of credentials. */
public class DomainRequirement implements Serializable {
  private static final long serialVersionUID = 1L;
}
