package io.konet.testing;

import io.konet.testing.BaseImageCatalog.Image;
import io.konet.testing.BaseImageCatalog.Repository;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Seeds a registry with fake official .NET base images of the real shape, so that it can stand in
 * for {@code mcr.microsoft.com} (tests pass the product {@code --mirror
 * mcr.microsoft.com=127.0.0.1:PORT}).
 *
 * <p>Seeded, all with the same bytes on every run:
 *
 * <ul>
 *   <li>{@code dotnet/runtime-deps}, {@code dotnet/runtime}, {@code dotnet/aspnet} at {@code 8.0},
 *       {@code 8.0-alpine} and {@code 8.0-jammy-chiseled}: Docker manifest lists for linux/amd64,
 *       linux/arm64/v8 and linux/arm/v7; {@code runtime:8.0} and {@code aspnet:8.0} also list
 *       windows/amd64 for nanoserver 1809 and ltsc2022.
 *   <li>{@code dotnet/runtime-deps:9.0}: an OCI index with the three Linux platforms and two
 *       BuildKit attestation manifests ({@code unknown/unknown}); {@code dotnet/runtime:9.0} and
 *       {@code dotnet/aspnet:9.0}: OCI indexes without attestations.
 *   <li>{@code windows/nanoserver:ltsc2022} and {@code :1809}: one manifest list with two
 *       windows/amd64 entries that differ only in {@code os.version}; {@code
 *       windows/nanoserver:ltsc2025}: one entry.
 * </ul>
 */
public final class BaseImageSeeder {

  /** The registry the seeded images stand in for. */
  public static final String MCR = "mcr.microsoft.com";

  public static final String OS_VERSION_1809 = "10.0.17763.6532";
  public static final String OS_VERSION_LTSC2022 = "10.0.20348.2849";
  public static final String OS_VERSION_LTSC2025 = "10.0.26100.2314";

  private static final int PUSH_THREADS = 8;

  private BaseImageSeeder() {}

  /** Seeds every image into the registry and says what was seeded. */
  public static SeededImages seed(TestRegistry registry) {
    return seed(registry.http(), registry.hostPort());
  }

  /**
   * Seeds only the indexes at the given {@code repository:tag} references (with the other tags of
   * the same index, such as nanoserver's {@code 1809} with {@code ltsc2022}); quicker when a test
   * needs one or two base images.
   */
  public static SeededImages seed(TestRegistry registry, String... references) {
    return seed(registry.http(), registry.hostPort(), references);
  }

  /** Seeds every image through {@code http}, a client of the registry at {@code hostPort}. */
  public static SeededImages seed(RegistryHttp http, String hostPort) {
    return push(http, hostPort, BaseImageCatalog.repositories());
  }

  /** Seeds the indexes at {@code references} through {@code http}. */
  public static SeededImages seed(RegistryHttp http, String hostPort, String... references) {
    List<Repository> chosen = new ArrayList<>();
    for (String reference : references) {
      Repository repository =
          BaseImageCatalog.repositories().stream()
              .filter(
                  candidate ->
                      candidate.tags().stream()
                          .anyMatch(tag -> reference.equals(candidate.name() + ":" + tag)))
              .findFirst()
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          "No seeded image at " + reference + "; there are: " + references()));
      if (!chosen.contains(repository)) {
        chosen.add(repository);
      }
    }
    return push(http, hostPort, chosen);
  }

  /** Every {@code repository:tag} the seeder knows. */
  public static List<String> references() {
    return BaseImageCatalog.repositories().stream()
        .flatMap(repository -> repository.tags().stream().map(tag -> repository.name() + ":" + tag))
        .toList();
  }

  private static SeededImages push(
      RegistryHttp http, String hostPort, List<Repository> repositories) {
    // A registry takes a manifest only once what it references is there: blobs first, then
    // image manifests, then indexes. Within each step the requests are independent.
    List<BlobTransfer> transfers = blobTransfers(repositories);
    inParallel(
        transfers.stream().filter(transfer -> transfer.from() == null).toList(),
        transfer -> http.putBlob(transfer.repository(), transfer.content()));
    inParallel(
        transfers.stream().filter(transfer -> transfer.from() != null).toList(),
        transfer -> mountOrUpload(http, transfer));
    List<SeededIndex> seeded = new ArrayList<>();
    List<Runnable> manifests = new ArrayList<>();
    List<Runnable> indexes = new ArrayList<>();
    for (Repository repository : repositories) {
      String name = repository.name();
      for (Image image : repository.allImages()) {
        manifests.add(
            () -> http.putManifest(name, image.digest(), image.mediaType(), image.manifest()));
      }
      for (String tag : repository.tags()) {
        indexes.add(() -> http.putManifest(name, tag, repository.mediaType(), repository.index()));
        seeded.add(repository.describe(tag));
      }
    }
    inParallel(manifests, Runnable::run);
    inParallel(indexes, Runnable::run);
    return new SeededImages(hostPort, seeded);
  }

  /**
   * One blob for one repository: uploaded where it is first needed, mounted from there into every
   * other repository that needs it too.
   */
  private record BlobTransfer(String repository, String digest, byte[] content, String from) {}

  private static List<BlobTransfer> blobTransfers(List<Repository> repositories) {
    Map<String, String> firstHolder = new HashMap<>();
    Map<String, BlobTransfer> transfers = new LinkedHashMap<>();
    for (Repository repository : repositories) {
      for (Image image : repository.allImages()) {
        for (byte[] blob : image.blobs()) {
          String digest = RegistryHttp.digestOf(blob);
          String holder = firstHolder.putIfAbsent(digest, repository.name());
          transfers.putIfAbsent(
              repository.name() + "@" + digest,
              new BlobTransfer(repository.name(), digest, blob, holder));
        }
      }
    }
    return List.copyOf(transfers.values());
  }

  private static void mountOrUpload(RegistryHttp http, BlobTransfer transfer) {
    if (!http.mountBlob(transfer.repository(), transfer.digest(), transfer.from())) {
      http.putBlob(transfer.repository(), transfer.content());
    }
  }

  private static <T> void inParallel(List<T> items, Consumer<T> action) {
    ExecutorService pool = Executors.newFixedThreadPool(PUSH_THREADS);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (T item : items) {
        futures.add(pool.submit(() -> action.accept(item)));
      }
      for (Future<?> future : futures) {
        future.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while seeding", e);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException cause
          ? cause
          : new IllegalStateException("Seeding failed", e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  /** The {@code --mirror} value that sends MCR pulls to the registry. */
  public static String mirror(TestRegistry registry) {
    return MCR + "=" + registry.hostPort();
  }
}
