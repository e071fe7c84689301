package dev.capsem.core.testing;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;

/**
 * A fake engine that answers the image build's container commands as a Debian build does, so that
 * the build tests share one description of what the guest reports.
 */
public final class FakeBuildEngine {

  /** The tool-version script's answer: node and the three AI CLIs. */
  public static final String TOOL_VERSIONS =
      "# System\nnode=24.1.0\n# AI CLIs\nclaude=2.1\ngemini=0.6\ncodex=0.1\n";

  /** The package-hash probe's answer when it hashed nothing. */
  public static final String NO_HASHES =
      "{\"schema\": \"capsem.package-hashes.v1\", \"apt\": {}, \"npm\": {}, \"notes\": []}\n";

  /** The inventory's answer: jq 1.6 the one package installed. */
  public static final String JQ_INVENTORY =
      "{\"apt\": {\"jq\": \"1.6\"}, \"node_packages\": {}, \"python_modules\": {},"
          + " \"schema\": \"capsem.image-inventory.v1\", \"tools\": {}}\n";

  private FakeBuildEngine() {}

  /** An x86_64 engine with the kernel, initrd and rootfs images built; no package hashed. */
  public static FakeContainerRuntime x86_64() {
    return x86_64(NO_HASHES);
  }

  /** An x86_64 engine with the kernel, initrd and rootfs images built; {@code hashes} answered. */
  public static FakeContainerRuntime x86_64(String hashes) {
    FakeContainerRuntime runtime =
        new FakeContainerRuntime(Set.of("debian:bookworm-slim"))
            .image(
                "capsem-kernel-x86_64",
                Map.of("/vmlinuz", bytes("kernel image"), "/kernel.release", bytes("6.6.127\n")))
            .image("capsem-initrd-x86_64", Map.of("/bin/busybox", bytes("static busybox")))
            .image(
                "capsem-rootfs-x86_64",
                Map.of("/etc/capsem-banner.txt", bytes("banner"), "/usr/bin/jq", bytes("jq")));
    return answering(runtime, hashes, JQ_INVENTORY);
  }

  /**
   * Makes {@code runtime} answer the rootfs step's commands: mksquashfs writes a stand-in image
   * naming the tar's size, the version script prints {@link #TOOL_VERSIONS}, the package-hash probe
   * {@code hashes} and the inventory probe {@code inventory} (both run python3, so the hash probe
   * is matched first).
   */
  public static FakeContainerRuntime answering(
      FakeContainerRuntime runtime, String hashes, String inventory) {
    return runtime
        .respond(
            command -> String.join(" ", command).contains("mksquashfs"),
            container -> {
              byte[] tar = container.files().get("/rootfs.tar");
              container.files().put("/rootfs.squashfs", bytes("squashfs of " + tar.length));
              return "";
            })
        .respond(command -> command.get(0).equals("bash"), container -> TOOL_VERSIONS)
        .respond(
            command -> command.size() > 2 && command.get(2).contains("package-hashes"),
            container -> hashes)
        .respond(command -> command.get(0).equals("python3"), container -> inventory);
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
