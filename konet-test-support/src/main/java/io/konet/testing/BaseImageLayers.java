package io.konet.testing;

import io.konet.testing.TarLayer.Layer;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The layers of the fake .NET base images. Every byte follows from the layer's name, so a layer is
 * the same on every run; content names the platform, so every platform differs.
 *
 * <p>Linux images have two layers: the distribution's root file system (shared by runtime-deps,
 * runtime and aspnet of one flavour and platform, as in the real images) and one for what the
 * repository adds. The linux/amd64 layers form a root file system that runc can start a static
 * binary in: users root and app (1654), {@code /tmp} and, in runtime and aspnet, a {@code dotnet}
 * host that runs.
 */
final class BaseImageLayers {

  static final int APP_UID = 1654;
  static final String DOTNET_VERSION = "8.0.11";
  static final String DOTNET_9_VERSION = "9.0.0";

  private static final Map<String, Layer> BUILT = new ConcurrentHashMap<>();

  private BaseImageLayers() {}

  /** The distribution layer: {@code debian}, {@code alpine} or {@code chiseled}. */
  static Layer linuxBase(String flavor, SeededPlatform platform) {
    return BUILT.computeIfAbsent(
        "base|" + flavor + "|" + platform, key -> buildLinuxBase(flavor, platform));
  }

  /** What {@code dotnet/<repository>} adds: native dependencies, the runtime, ASP.NET Core. */
  static Layer linuxDotnet(
      String repository, String flavor, String version, SeededPlatform platform) {
    return BUILT.computeIfAbsent(
        String.join("|", "dotnet", repository, flavor, version, platform.toString()),
        key -> buildLinuxDotnet(repository, flavor, version, platform));
  }

  /** The single layer of {@code windows/nanoserver} for one OS version. */
  static Layer nanoserver(String osVersion) {
    return BUILT.computeIfAbsent("nanoserver|" + osVersion, key -> buildNanoserver(osVersion));
  }

  /** The .NET layer that {@code dotnet/runtime} or {@code dotnet/aspnet} adds on nanoserver. */
  static Layer windowsDotnet(String repository, String osVersion) {
    return BUILT.computeIfAbsent(
        "windows-dotnet|" + repository + "|" + osVersion,
        key -> buildWindowsDotnet(repository, osVersion));
  }

  private static Layer buildLinuxBase(String flavor, SeededPlatform platform) {
    String seed = "base|" + flavor + "|" + platform;
    TarLayer tar = new TarLayer();
    boolean alpine = flavor.equals("alpine");
    if (alpine) {
      tar.directory("bin/").file("bin/busybox", 0755, elf(platform, seed + "|busybox", 6000));
    } else {
      tar.symlink("bin", "usr/bin");
    }
    tar.directory("etc/")
        .file("etc/group", text("root:x:0:\napp:x:" + APP_UID + ":\n"))
        .file("etc/os-release", text(osRelease(flavor)))
        .file("etc/passwd", text(passwd(flavor)));
    if (flavor.equals("debian")) {
      tar.file("etc/debian_version", text("12.8\n"));
    } else if (alpine) {
      tar.file("etc/alpine-release", text("3.20.3\n"));
    }
    tar.directory("home/").directory("home/app/", 0755, APP_UID, APP_UID);
    if (alpine) {
      tar.directory("lib/")
          .file(
              "lib/ld-musl-" + muslArch(platform) + ".so.1",
              0755,
              elf(platform, seed + "|ld", 4000));
    } else {
      tar.symlink("lib", "usr/lib");
    }
    tar.directory("root/", 0700, 0, 0)
        .directory("tmp/", 01777, 0, 0)
        .directory("usr/")
        .directory("usr/bin/")
        .directory("usr/lib/");
    if (!alpine) {
      String triplet = triplet(platform);
      tar.directory("usr/lib/" + triplet + "/")
          .file("usr/lib/" + triplet + "/libc.so.6", 0755, elf(platform, seed + "|libc", 5000));
    }
    tar.directory("usr/share/")
        .directory("usr/share/konet/")
        .file("usr/share/konet/platform", text(platform.osArchVariant() + " " + flavor + "\n"))
        .directory("var/")
        .directory("var/lib/");
    return tar.build();
  }

  private static Layer buildLinuxDotnet(
      String repository, String flavor, String version, SeededPlatform platform) {
    String seed = String.join("|", "dotnet", repository, flavor, version, platform.toString());
    String libDir = flavor.equals("alpine") ? "usr/lib/" : "usr/lib/" + triplet(platform) + "/";
    TarLayer tar = new TarLayer();
    tar.directory("etc/")
        .directory("etc/ssl/")
        .directory("etc/ssl/certs/")
        .file("etc/ssl/certs/ca-certificates.crt", text("# konet test CA bundle " + seed + "\n"))
        .directory("usr/")
        .directory("usr/bin/")
        .directory("usr/lib/");
    if (!libDir.equals("usr/lib/")) {
      tar.directory(libDir);
    }
    for (String library :
        new String[] {
          "libcrypto.so.3", "libgcc_s.so.1", "libssl.so.3", "libstdc++.so.6", "libz.so.1"
        }) {
      tar.file(libDir + library, 0644, elf(platform, seed + "|" + library, 3000));
    }
    tar.directory("usr/share/")
        .directory("usr/share/konet/")
        .file(
            "usr/share/konet/dotnet-" + repository,
            text(
                repository + " " + version + " " + platform.osArchVariant() + " " + flavor + "\n"));
    if (repository.equals("runtime") || repository.equals("aspnet")) {
      addLinuxRuntime(tar, repository, version, platform, seed);
      tar.symlink("usr/bin/dotnet", "../share/dotnet/dotnet");
    }
    return tar.build();
  }

  private static void addLinuxRuntime(
      TarLayer tar, String repository, String version, SeededPlatform platform, String seed) {
    byte[] host =
        platform.architecture().equals("amd64")
            ? StaticExecutables.compile("/io/konet/testing/base/dotnet-host.c")
            : elf(platform, seed + "|dotnet", 9000);
    String netcore = "usr/share/dotnet/shared/Microsoft.NETCore.App/" + version + "/";
    tar.directory("usr/share/dotnet/")
        .file("usr/share/dotnet/LICENSE.txt", text("The MIT License (MIT)\n"))
        .file("usr/share/dotnet/dotnet", 0755, host)
        .directory("usr/share/dotnet/host/")
        .directory("usr/share/dotnet/host/fxr/")
        .directory("usr/share/dotnet/host/fxr/" + version + "/")
        .file(
            "usr/share/dotnet/host/fxr/" + version + "/libhostfxr.so",
            0644,
            elf(platform, seed + "|hostfxr", 4000))
        .directory("usr/share/dotnet/shared/")
        .directory("usr/share/dotnet/shared/Microsoft.NETCore.App/")
        .directory(netcore);
    for (String file :
        new String[] {
          "System.Private.CoreLib.dll",
          "System.Runtime.dll",
          "libclrjit.so",
          "libcoreclr.so",
          "libhostpolicy.so"
        }) {
      byte[] content =
          file.endsWith(".dll")
              ? pe(seed + "|" + file, 5000)
              : elf(platform, seed + "|" + file, 5000);
      tar.file(netcore + file, 0644, content);
    }
    if (repository.equals("aspnet")) {
      String aspnet = "usr/share/dotnet/shared/Microsoft.AspNetCore.App/" + version + "/";
      tar.directory("usr/share/dotnet/shared/Microsoft.AspNetCore.App/").directory(aspnet);
      for (String file :
          new String[] {
            "Microsoft.AspNetCore.dll",
            "Microsoft.AspNetCore.Server.Kestrel.Core.dll",
            "Microsoft.Extensions.Hosting.dll"
          }) {
        tar.file(aspnet + file, 0644, pe(seed + "|" + file, 5000));
      }
    }
  }

  private static Layer buildNanoserver(String osVersion) {
    String seed = "nanoserver|" + osVersion;
    return new TarLayer()
        .directory("Files/")
        .file("Files/License.txt", text("Windows Nano Server " + osVersion + "\r\n"))
        .directory("Files/Users/")
        .directory("Files/Users/ContainerUser/")
        .directory("Files/Windows/")
        .directory("Files/Windows/System32/")
        .file("Files/Windows/System32/cmd.exe", pe(seed + "|cmd.exe", 6000))
        .file("Files/Windows/System32/kernel32.dll", pe(seed + "|kernel32.dll", 6000))
        .file("Files/Windows/System32/ntdll.dll", pe(seed + "|ntdll.dll", 6000))
        .directory("Hives/")
        .file("Hives/DefaultUser_Delta", bytes(seed + "|DefaultUser", 2048))
        .file("Hives/Sam_Delta", bytes(seed + "|Sam", 2048))
        .file("Hives/Security_Delta", bytes(seed + "|Security", 2048))
        .file("Hives/Software_Delta", bytes(seed + "|Software", 4096))
        .file("Hives/System_Delta", bytes(seed + "|System", 4096))
        .build();
  }

  private static Layer buildWindowsDotnet(String repository, String osVersion) {
    String seed = "windows-dotnet|" + repository + "|" + osVersion;
    String dotnet = "Files/Program Files/dotnet/";
    String netcore = dotnet + "shared/Microsoft.NETCore.App/" + DOTNET_VERSION + "/";
    TarLayer tar =
        new TarLayer()
            .directory("Files/")
            .directory("Files/Program Files/")
            .directory(dotnet)
            .file(dotnet + "LICENSE.txt", text("The MIT License (MIT)\r\n"))
            .file(dotnet + "dotnet.exe", pe(seed + "|dotnet.exe", 8000))
            .directory(dotnet + "shared/")
            .directory(dotnet + "shared/Microsoft.NETCore.App/")
            .directory(netcore);
    for (String file :
        new String[] {
          "System.Private.CoreLib.dll",
          "System.Runtime.dll",
          "clrjit.dll",
          "coreclr.dll",
          "hostpolicy.dll"
        }) {
      tar.file(netcore + file, pe(seed + "|" + file, 5000));
    }
    if (repository.equals("aspnet")) {
      String aspnet = dotnet + "shared/Microsoft.AspNetCore.App/" + DOTNET_VERSION + "/";
      tar.directory(dotnet + "shared/Microsoft.AspNetCore.App/")
          .directory(aspnet)
          .file(aspnet + "Microsoft.AspNetCore.dll", pe(seed + "|aspnetcore", 5000));
    }
    return tar.directory("Hives/")
        .file("Hives/Software_Delta", bytes(seed + "|Software", 2048))
        .build();
  }

  private static String passwd(String flavor) {
    String shell = flavor.equals("chiseled") ? "/usr/sbin/nologin" : "/bin/sh";
    String rootShell = flavor.equals("debian") ? "/bin/bash" : shell;
    return "root:x:0:0:root:/root:"
        + rootShell
        + "\n"
        + "app:x:"
        + APP_UID
        + ":"
        + APP_UID
        + "::/home/app:"
        + shell
        + "\n";
  }

  private static String osRelease(String flavor) {
    return switch (flavor) {
      case "alpine" -> "NAME=\"Alpine Linux\"\nID=alpine\nVERSION_ID=3.20.3\n";
      case "chiseled" ->
          "PRETTY_NAME=\"Ubuntu 22.04.5 LTS\"\nNAME=\"Ubuntu\"\n"
              + "VERSION_ID=\"22.04\"\nVERSION_CODENAME=jammy\nID=ubuntu\n";
      default ->
          "PRETTY_NAME=\"Debian GNU/Linux 12 (bookworm)\"\nNAME=\"Debian GNU/Linux\"\n"
              + "VERSION_ID=\"12\"\nVERSION_CODENAME=bookworm\nID=debian\n";
    };
  }

  private static String triplet(SeededPlatform platform) {
    return switch (platform.architecture()) {
      case "amd64" -> "x86_64-linux-gnu";
      case "arm64" -> "aarch64-linux-gnu";
      default -> "arm-linux-gnueabihf";
    };
  }

  private static String muslArch(SeededPlatform platform) {
    return switch (platform.architecture()) {
      case "amd64" -> "x86_64";
      case "arm64" -> "aarch64";
      default -> "armhf";
    };
  }

  private static byte[] text(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  /** An ELF header for the platform's machine, then deterministic filler. */
  static byte[] elf(SeededPlatform platform, String seed, int size) {
    boolean wide = !platform.architecture().equals("arm");
    short machine =
        switch (platform.architecture()) {
          case "amd64" -> 0x3E;
          case "arm64" -> 0xB7;
          default -> 0x28;
        };
    ByteBuffer header = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN);
    header.put(new byte[] {0x7f, 'E', 'L', 'F', (byte) (wide ? 2 : 1), 1, 1, 0});
    header.put(new byte[8]).putShort((short) 3).putShort(machine).putInt(1);
    return withPrefix(header.array(), bytes(seed, size));
  }

  /** A PE ("MZ") header, then deterministic filler. */
  static byte[] pe(String seed, int size) {
    byte[] header = new byte[64];
    header[0] = 'M';
    header[1] = 'Z';
    header[0x3C] = (byte) 0x80;
    return withPrefix(header, bytes(seed, size));
  }

  private static byte[] withPrefix(byte[] prefix, byte[] body) {
    System.arraycopy(prefix, 0, body, 0, Math.min(prefix.length, body.length));
    return body;
  }

  /**
   * Deterministic bytes from {@link Random}, whose algorithm the Java specification fixes; every
   * other 64-byte block repeats the one before, so gzip has something to shrink.
   */
  static byte[] bytes(String seed, int size) {
    byte[] out = new byte[size];
    new Random(seed.hashCode() * 31L + seed.length()).nextBytes(out);
    for (int offset = 64; offset + 64 <= size; offset += 128) {
      System.arraycopy(out, offset - 64, out, offset, 64);
    }
    return out;
  }
}
