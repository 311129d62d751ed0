package io.konet.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Compiles the C programs that stand in for native executables inside seeded images. They are
 * freestanding x86-64 Linux programs ({@code gcc -static -nostdlib}), so they run in a root file
 * system that holds no C library and add only a few kilobytes to a layer.
 *
 * <p>Results are kept in the JVM and in a folder under {@code java.io.tmpdir}, keyed by the source,
 * the flags and the compiler binary: the same machine always gets the same bytes.
 */
final class StaticExecutables {

  private static final String GCC = "/usr/bin/gcc";
  private static final List<String> FLAGS =
      List.of(
          "-static",
          "-nostdlib",
          "-ffreestanding",
          "-fno-stack-protector",
          "-fno-asynchronous-unwind-tables",
          "-O2",
          "-s");
  private static final ConcurrentHashMap<String, byte[]> COMPILED = new ConcurrentHashMap<>();

  private StaticExecutables() {}

  /** The executable built from a C source among this module's resources. */
  static byte[] compile(String resource) {
    return COMPILED.computeIfAbsent(resource, StaticExecutables::compileUncached);
  }

  private static byte[] compileUncached(String resource) {
    byte[] source = resource(resource);
    Path cached = cacheDir().resolve(Path.of(resource).getFileName() + "-" + key(source));
    try {
      if (Files.isRegularFile(cached)) {
        return Files.readAllBytes(cached);
      }
      Files.createDirectories(cached.getParent());
      Path build = Files.createTempDirectory(cached.getParent(), "build-");
      try {
        Files.write(build.resolve("program.c"), source);
        List<String> command =
            Stream.of(List.of(GCC), FLAGS, List.of("-o", "program", "program.c"))
                .flatMap(List::stream)
                .toList();
        run(build, command);
        byte[] binary = Files.readAllBytes(build.resolve("program"));
        Files.move(build.resolve("program"), cached, StandardCopyOption.REPLACE_EXISTING);
        return binary;
      } finally {
        Files.deleteIfExists(build.resolve("program.c"));
        Files.deleteIfExists(build.resolve("program"));
        Files.deleteIfExists(build);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Could not build " + resource, e);
    }
  }

  /** Names the source, the flags and the compiler without running it. */
  private static String key(byte[] source) {
    Path gcc = Path.of(GCC);
    if (!Files.isExecutable(gcc)) {
      throw new IllegalStateException(
          "gcc is needed to build the native programs of the seeded images:"
              + " install the Debian packages gcc and libc6-dev");
    }
    try {
      Path real = gcc.toRealPath();
      String compiler = real + "|" + Files.size(real) + "|" + Files.getLastModifiedTime(real);
      byte[] identity = (compiler + "|" + FLAGS).getBytes(StandardCharsets.UTF_8);
      byte[] both = new byte[source.length + identity.length];
      System.arraycopy(source, 0, both, 0, source.length);
      System.arraycopy(identity, 0, both, source.length, identity.length);
      return RegistryHttp.digestOf(both).substring("sha256:".length(), 31);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path cacheDir() {
    String user = System.getProperty("user.name", "user").replaceAll("[^A-Za-z0-9]", "_");
    return Path.of(System.getProperty("java.io.tmpdir"), "konet-test-support-" + user);
  }

  private static void run(Path dir, List<String> command) {
    try {
      Process process =
          new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
        throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Could not run " + command.get(0), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while running gcc", e);
    }
  }

  private static byte[] resource(String name) {
    try (InputStream in = StaticExecutables.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("Missing resource " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
