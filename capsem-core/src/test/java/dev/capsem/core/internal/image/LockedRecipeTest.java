package dev.capsem.core.internal.image;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capsem.core.internal.image.lock.ArchLock;
import dev.capsem.core.internal.image.lock.Locked;
import dev.capsem.core.internal.oci.PinnedImage;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The rootfs Dockerfile of a locked build: every package at the lock's version, checked first. */
class LockedRecipeTest {

  private static final String ID = "sha256:" + "7".repeat(64);

  @TempDir Path temp;
  private TestWorkspaces coding;
  private ArchLock lock;

  @BeforeEach
  void workspace() throws Exception {
    coding = TestWorkspaces.coding(temp);
    RootfsRecipe unlocked = recipe(null);
    Map<String, Locked> apt = new LinkedHashMap<>();
    unlocked
        .lockedNames("apt")
        .forEach(name -> apt.put(name, new Locked("1.0-" + name.length(), null)));
    apt.put("libc6", new Locked("2.36-9+deb12u14", "a".repeat(64)));
    Map<String, Locked> python = new LinkedHashMap<>();
    unlocked
        .lockedNames("python")
        .forEach(name -> python.put(name.toLowerCase(), new Locked("2.0." + name.length(), null)));
    python.put("pip", new Locked("23.0.1", null));
    Map<String, Locked> npm = new LinkedHashMap<>();
    unlocked
        .lockedNames("npm")
        .forEach(name -> npm.put(name, new Locked("0.9." + name.length(), null)));
    lock =
        new ArchLock(
            new PinnedImage("debian:bookworm-slim", ID, PinnedImage.ENGINE, ID),
            null,
            apt,
            python,
            npm);
  }

  private RootfsRecipe recipe(ArchLock archLock) {
    return new RootfsRecipe(
        coding.config(),
        coding.config().build().architectures().get("x86_64"),
        new PackageSources("debian", null, null, null, null),
        true,
        1776729600L,
        archLock);
  }

  @Test
  void dockerfile_locked_installsEveryNamedPackageAtItsLockedVersion() {
    String d = recipe(lock).dockerfile();

    for (String name : recipe(null).lockedNames("apt")) {
      assertThat(d).contains(" " + name + "=" + lock.apt().get(name).version());
    }
    for (String name : recipe(null).lockedNames("npm")) {
      assertThat(d).contains(" " + name + "@" + lock.npm().get(name).version());
    }
    for (String name : recipe(null).lockedNames("python")) {
      assertThat(d).contains(" " + name + "==" + LockedBuild.python(lock, name).version());
    }
    assertThat(d)
        .contains(
            "python3 -m pip install --break-system-packages --upgrade pip -c /tmp/capsem-lock/python-constraints.txt")
        .contains("COPY capsem-lock/apt-preferences /etc/apt/preferences.d/capsem-lock");
  }

  @Test
  void dockerfile_locked_checksTheArchiveBeforeInstallingAndRemovesThePins() {
    String d = recipe(lock).dockerfile();

    int check = d.indexOf(LockedBuild.APT_MARKER);
    assertThat(check)
        .isGreaterThan(d.indexOf("apt-get update"))
        .isLessThan(d.indexOf("apt-get upgrade -y"));
    String last = d.substring(d.lastIndexOf("RUN "));
    assertThat(last).contains("/tmp/* ").contains("/etc/apt/preferences.d/capsem-lock");
  }

  @Test
  void dockerfile_unlocked_hasNoTraceOfALock() {
    String d = recipe(null).dockerfile();

    assertThat(d).doesNotContain("capsem-lock").doesNotContain(" -c /tmp");
  }

  @Test
  void lockFiles_pinEveryAptPackageAndConstrainEveryPythonOne() {
    Map<String, String> files = recipe(lock).lockFiles();

    assertThat(files.get(RootfsRecipe.APT_PINS))
        .contains("Package: libc6\nPin: version 2.36-9+deb12u14\nPin-Priority: 1001\n\n");
    assertThat(files.get(RootfsRecipe.APT_VERSIONS)).contains("libc6=2.36-9+deb12u14\n");
    assertThat(files.get(RootfsRecipe.PYTHON_CONSTRAINTS)).contains("pip==23.0.1\n");
    assertThat(files.get(RootfsRecipe.APT_VERSIONS).lines().count()).isEqualTo(lock.apt().size());
  }
}
