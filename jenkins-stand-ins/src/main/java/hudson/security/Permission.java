package hudson.security;

/**
 * Compile-time stand-in for {@code Permission} of jenkins-core.
 *
 * <p>The real constructors need a {@code PermissionGroup} and a localizer message; the stand-in
 * builds its constants through {@link #standIn}, which plugin code must not call.
 */
public final class Permission {
  public static final Permission HUDSON_ADMINISTER =
      standIn("hudson.model.Hudson.Administer", "Administer", null, true);
  public static final Permission FULL_CONTROL =
      standIn(Permission.class, "FullControl", HUDSON_ADMINISTER, true);
  public static final Permission READ =
      standIn(Permission.class, "GenericRead", HUDSON_ADMINISTER, true);
  public static final Permission WRITE =
      standIn(Permission.class, "GenericWrite", HUDSON_ADMINISTER, true);
  public static final Permission CREATE = standIn(Permission.class, "GenericCreate", WRITE, true);
  public static final Permission UPDATE = standIn(Permission.class, "GenericUpdate", WRITE, true);
  public static final Permission DELETE = standIn(Permission.class, "GenericDelete", WRITE, true);
  public static final Permission CONFIGURE =
      standIn(Permission.class, "GenericConfigure", UPDATE, true);

  @SuppressWarnings("rawtypes")
  public final Class owner;

  public final String name;
  public final Permission impliedBy;
  public boolean enabled;
  private final String id;

  private Permission(
      Class<?> owner, String id, String name, Permission impliedBy, boolean enabled) {
    this.owner = owner;
    this.id = id;
    this.name = name;
    this.impliedBy = impliedBy;
    this.enabled = enabled;
  }

  /** Stand-in only: creates a permission whose id is {@code owner.getName() + "." + name}. */
  public static Permission standIn(
      Class<?> owner, String name, Permission impliedBy, boolean enabled) {
    return new Permission(owner, owner.getName() + "." + name, name, impliedBy, enabled);
  }

  /**
   * Stand-in only: creates a permission of {@code hudson.model.Hudson} (not among the stand-ins;
   * its owner here is {@code jenkins.model.Jenkins}) with an explicit id.
   */
  public static Permission standIn(String id, String name, Permission impliedBy, boolean enabled) {
    return new Permission(jenkins.model.Jenkins.class, id, name, impliedBy, enabled);
  }

  public String getId() {
    return id;
  }

  public boolean getEnabled() {
    return enabled;
  }

  public void setEnabled(boolean enable) {
    enabled = enable;
  }

  @Override
  public String toString() {
    return "Permission[" + owner + "," + name + "]";
  }
}
