package io.konet.core.registry;

import com.google.cloud.tools.jib.api.ImageReference;
import io.konet.core.KonetException;
import io.konet.core.UserText;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Which registries may be reached over plain HTTP or unverified TLS, and which mirrors serve
 * which registries' images.
 *
 * @param insecureRegistries hosts (with port when not the default) the user allows without
 *     verified TLS; loopback registries are always allowed
 * @param mirrors registry host to the host that serves its images instead, such as {@code
 *     mcr.microsoft.com} to {@code mirror.example.com:5000}
 */
public record RegistrySettings(Set<String> insecureRegistries, Map<String, String> mirrors) {

  public RegistrySettings {
    insecureRegistries = Set.copyOf(new TreeSet<>(insecureRegistries));
    mirrors = Map.copyOf(new TreeMap<>(mirrors));
  }

  public static RegistrySettings defaults() {
    return new RegistrySettings(Set.of(), Map.of());
  }

  /** Parses {@code REGISTRY=HOST[:PORT]}, as {@code --mirror} takes it. */
  public static Map.Entry<String, String> parseMirror(String text) throws KonetException {
    int equals = text.indexOf('=');
    String registry = equals <= 0 ? "" : text.substring(0, equals).strip();
    String host = equals <= 0 ? "" : text.substring(equals + 1).strip();
    if (!ImageReference.isValidRegistry(registry) || !ImageReference.isValidRegistry(host)) {
      throw new KonetException(
          "Invalid mirror '" + UserText.shown(text) + "'; write it as REGISTRY=HOST[:PORT], for"
              + " example mcr.microsoft.com=mirror.example.com:5000.");
    }
    return Map.entry(registry, host);
  }

  /** The host to fetch {@code registry}'s images from. */
  public String mirrorFor(String registry) {
    return mirrors.getOrDefault(registry, registry);
  }

  /** Whether plain HTTP and unverified TLS are allowed for {@code registry}. */
  public boolean allowsInsecure(String registry) {
    return insecureRegistries.contains(registry) || isLoopback(registry);
  }

  /** Whether a registry host names this machine, where plain HTTP cannot be intercepted. */
  static boolean isLoopback(String registry) {
    String host = registry;
    if (host.startsWith("[")) {
      host = host.substring(1, Math.max(1, host.indexOf(']')));
    } else if (host.indexOf(':') == host.lastIndexOf(':') && host.contains(":")) {
      host = host.substring(0, host.indexOf(':'));
    }
    host = host.toLowerCase(Locale.ROOT);
    if (host.equals("localhost")) {
      return true;
    }
    if (!host.matches("[0-9.]+") && !host.contains(":")) {
      return false;
    }
    try {
      return InetAddress.getByName(host).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }
}
