package dev.capsem.core.internal.image;

import static dev.capsem.core.internal.image.KernelRecipeTest.ARM64;
import static dev.capsem.core.internal.image.KernelRecipeTest.X86_64;
import static org.assertj.core.api.Assertions.assertThat;

import dev.capsem.core.diag.Code;
import dev.capsem.core.diag.Diagnostic;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EnginePlatformTest {

  private final EnginePlatform amd64 = EnginePlatform.of(Optional.of("linux/amd64"));

  @Test
  void foreign_onlyAnotherPlatformThanAKnownEngines() {
    assertThat(amd64.foreign(ARM64)).isTrue();
    assertThat(amd64.foreign(X86_64)).isFalse();
    assertThat(EnginePlatform.unknown().foreign(ARM64)).isFalse();
    assertThat(EnginePlatform.of(Optional.empty())).isEqualTo(EnginePlatform.unknown());
  }

  @Test
  void rootfs_foreignTarget_startsFromThePerArchBaseImageAndKeepsTheRest() {
    var arm64 = amd64.rootfs(ARM64);

    assertThat(arm64.baseImage()).isEqualTo("arm64v8/debian:bookworm-slim");
    assertThat(arm64).usingRecursiveComparison().ignoringFields("baseImage").isEqualTo(ARM64);
    assertThat(amd64.rootfs(X86_64)).isSameAs(X86_64);
    assertThat(EnginePlatform.unknown().rootfs(ARM64)).isSameAs(ARM64);
  }

  @Test
  void baseImage_foreignTarget_isThePerArchOneOnlyForTheRootfs() {
    assertThat(amd64.baseImage("rootfs", ARM64)).isEqualTo("arm64v8/debian:bookworm-slim");
    assertThat(amd64.baseImage("kernel", ARM64)).isEqualTo("debian:bookworm-slim");
    assertThat(amd64.baseImage("initrd", ARM64)).isEqualTo("debian:bookworm-slim");
    assertThat(amd64.baseImage("rootfs", X86_64)).isEqualTo("debian:bookworm-slim");
  }

  @Test
  void kernelAndBusybox_foreignTarget_areBuiltOnTheEnginesPlatform() {
    assertThat(amd64.kernel("arm64", ARM64, "linux-source.tar.xz", 0).platform())
        .isEqualTo("linux/amd64");
    assertThat(amd64.busybox(ARM64).platform()).isEqualTo("linux/amd64");
    assertThat(EnginePlatform.unknown().kernel("arm64", ARM64, "t.tar.xz", 0).platform())
        .isEqualTo("linux/arm64");
  }

  @Test
  void runsTargetContainers_crossBuiltStepsNeedNoEmulationTheRootfsDoes() {
    assertThat(amd64.runsTargetContainers("kernel", ARM64)).isFalse();
    assertThat(amd64.runsTargetContainers("initrd", ARM64)).isFalse();
    assertThat(amd64.runsTargetContainers("rootfs", ARM64)).isTrue();
    assertThat(EnginePlatform.unknown().runsTargetContainers("kernel", ARM64)).isTrue();
    assertThat(new EnginePlatform("linux/s390x").runsTargetContainers("initrd", ARM64)).isTrue();
  }

  @Test
  void describe_foreignTarget_namesEachStepsWay() {
    assertThat(amd64.describe("arm64", ARM64))
        .contains(
            "arm64 on a linux/amd64 engine: kernel cross-compiled (aarch64-linux-gnu-), busybox"
                + " from Debian's arm64 package, rootfs from arm64v8/debian:bookworm-slim through"
                + " qemu-user");
    assertThat(amd64.describe("x86_64", X86_64)).isEmpty();
  }

  @Test
  void missingBaseImage_isE520NamingTheImageAndHowToMakeIt() {
    Diagnostic d = amd64.missingBaseImage("arm64", ARM64);

    assertThat(d.code()).isEqualTo(Code.E520);
    assertThat(d.isError()).isTrue();
    assertThat(d.message())
        .startsWith(
            "the linux/amd64 engine has no linux/arm64 base image arm64v8/debian:bookworm-slim"
                + " for the arm64 rootfs")
        .contains("fix: sudo scripts/container-engine.sh")
        .contains("docker pull --platform linux/arm64 arm64v8/debian:bookworm-slim");
  }
}
