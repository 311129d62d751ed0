package io.konet.testing;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/** What {@link BaseImageSeeder} put into a registry, by {@code repository:tag}. */
public final class SeededImages {

  private final String hostPort;
  private final Map<String, SeededIndex> indexes = new LinkedHashMap<>();

  SeededImages(String hostPort, List<SeededIndex> seeded) {
    this.hostPort = hostPort;
    seeded.forEach(index -> indexes.put(index.reference(), index));
  }

  /** The registry that holds the images, as {@code 127.0.0.1:PORT}. */
  public String hostPort() {
    return hostPort;
  }

  /** The value of the product's {@code --mirror} option that sends MCR pulls to this registry. */
  public String mirror() {
    return BaseImageSeeder.MCR + "=" + hostPort;
  }

  /** The index at {@code repository:tag}, e.g. {@code dotnet/runtime:8.0}. */
  public SeededIndex index(String reference) {
    SeededIndex index = indexes.get(reference);
    if (index == null) {
      throw new NoSuchElementException(
          "Nothing was seeded at " + reference + "; seeded: " + indexes.keySet());
    }
    return index;
  }

  public Collection<SeededIndex> indexes() {
    return indexes.values();
  }
}
