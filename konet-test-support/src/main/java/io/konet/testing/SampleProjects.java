package io.konet.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Finds the real .NET projects under {@code samples/} of the repository, and copies them out so
 * that a publish never writes {@code bin/} or {@code obj/} into the working tree.
 */
public final class SampleProjects {

  private SampleProjects() {}

  /** The repository's {@code samples} folder, found by walking up from the working directory. */
  public static Path samplesDir() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null) {
      Path samples = dir.resolve("samples");
      if (Files.isRegularFile(samples.resolve("hello/hello.csproj"))) {
        return samples;
      }
      dir = dir.getParent();
    }
    throw new IllegalStateException(
        "No samples/hello/hello.csproj above " + Path.of("").toAbsolutePath());
  }

  /** {@code samples/hello}: a .NET 8 console app that prints {@code Hello from konet!}. */
  public static Path hello() {
    return samplesDir().resolve("hello");
  }

  /** Copies {@code samples/<name>} (without bin and obj) to {@code target} and returns it. */
  public static Path copy(String name, Path target) {
    Path source = samplesDir().resolve(name);
    try {
      Files.walkFileTree(
          source,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes)
                throws IOException {
              Path relative = source.relativize(dir);
              if (relative.getNameCount() == 1
                  && (relative.toString().equals("bin") || relative.toString().equals("obj"))) {
                return FileVisitResult.SKIP_SUBTREE;
              }
              Files.createDirectories(target.resolve(relative.toString()));
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes)
                throws IOException {
              Files.copy(file, target.resolve(source.relativize(file).toString()));
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      throw new UncheckedIOException("Could not copy sample " + name + " to " + target, e);
    }
    return target;
  }

  /** Copies {@code samples/hello} to {@code target} and returns the path of hello.csproj. */
  public static Path copyHello(Path target) {
    return copy("hello", target).resolve("hello.csproj");
  }
}
