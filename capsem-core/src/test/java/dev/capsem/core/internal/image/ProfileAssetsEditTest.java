package dev.capsem.core.internal.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ProfileAssetsEditTest {

  private static final String H1 = "1".repeat(64);
  private static final String H2 = "2".repeat(64);
  private static final String H3 = "3".repeat(64);

  private static final String PROFILE =
      """
      id = "corp-dev" # our image

      # Where the assets are published.
      [vm.assets.arm64.kernel]
      url = "https://a.example/corp-dev/arm64/kernel"
      hash = "blake3:aaaa"
      size = 1

      [vm.assets.x86_64.kernel]
      url = "https://a.example/corp-dev/x86_64/kernel" # the kernel
      hash = "blake3:dddd"
      signature_url = "https://a.example/corp-dev/x86_64/kernel.minisig"
      size = 1
      content_type = "application/octet-stream"

      [vm.assets.x86_64.initrd]
      url = "https://a.example/corp-dev/x86_64/initrd"
      hash = "blake3:eeee"
      size = 1

      [vm.assets.x86_64.rootfs]
      url = "https://a.example/corp-dev/x86_64/rootfs"
      hash = "blake3:ffff"
      size = 1

      [packages.runtimes]
      python = "3.12"
      """;

  private static final List<ProfileAssetsEdit.Built> X86_64 =
      List.of(
          new ProfileAssetsEdit.Built("x86_64", "kernel", H1, 5_000_000),
          new ProfileAssetsEdit.Built("x86_64", "initrd", H2, 900_000),
          new ProfileAssetsEdit.Built("x86_64", "rootfs", H3, 120_000_000));

  @Test
  void apply_x86_64Built_writesItsFilesDropsArm64AndKeepsEveryOtherLine() {
    String edited = ProfileAssetsEdit.apply(PROFILE, X86_64, Set.of("x86_64")).orElseThrow();

    assertThat(edited)
        .isEqualTo(
            """
            id = "corp-dev" # our image

            # Where the assets are published.
            [vm.assets.x86_64.kernel]
            url = "https://a.example/corp-dev/x86_64/vmlinuz" # the kernel
            hash = "blake3:1111111111111111111111111111111111111111111111111111111111111111"
            signature_url = "https://a.example/corp-dev/x86_64/vmlinuz.minisig"
            size = 5000000
            content_type = "application/octet-stream"

            [vm.assets.x86_64.initrd]
            url = "https://a.example/corp-dev/x86_64/initrd.img"
            hash = "blake3:2222222222222222222222222222222222222222222222222222222222222222"
            size = 900000

            [vm.assets.x86_64.rootfs]
            url = "https://a.example/corp-dev/x86_64/rootfs.squashfs"
            hash = "blake3:3333333333333333333333333333333333333333333333333333333333333333"
            size = 120000000

            [packages.runtimes]
            python = "3.12"
            """);
  }

  @Test
  void apply_arm64HeldFromAnEarlierBuild_keepsItsTable() {
    String edited =
        ProfileAssetsEdit.apply(PROFILE, X86_64, Set.of("x86_64", "arm64")).orElseThrow();

    assertThat(edited)
        .contains("[vm.assets.arm64.kernel]\nurl = \"https://a.example/corp-dev/arm64/kernel\"");
  }

  @Test
  void apply_inlineTables_leavesTheProfileAlone() {
    String inline =
        """
        [vm.assets.x86_64]
        kernel = { url = "https://a.example/k", hash = "blake3:dddd", size = 1 }
        """;

    assertThat(ProfileAssetsEdit.apply(inline, X86_64, Set.of("x86_64"))).isEmpty();
  }
}
