package dev.capsem.core.internal.image;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capsem.core.diag.Code;
import dev.capsem.core.diag.Diagnostic;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A failed locked build's output turned into one E600 per package the archive lacks. */
class LockedBuildTest {

  @Test
  void missingPackages_aptMarkerLine_namesEachPackageAndVersion() {
    String output =
        "Step 7/30 : RUN apt-get update ...\n"
            + LockedBuild.APT_MARKER
            + " jq=1.6-2.1 libonig5=6.9.8-1\n"
            + "The command '/bin/sh -c apt-get update' returned a non-zero code: 100";

    List<Diagnostic> missing = LockedBuild.missingPackages(output, "corp.lock.json");

    assertThat(missing).extracting(Diagnostic::code).containsOnly(Code.E600);
    assertThat(missing)
        .extracting(Diagnostic::message)
        .containsExactly(
            "apt package jq 1.6-2.1 (locked by corp.lock.json) is no longer in the archive: run"
                + " an unlocked build and image lock again, or restore that version",
            "apt package libonig5 6.9.8-1 (locked by corp.lock.json) is no longer in the archive:"
                + " run an unlocked build and image lock again, or restore that version");
    assertThat(missing).extracting(Diagnostic::file).containsOnly("corp.lock.json");
  }

  @Test
  void missingPackages_pipAndNpmErrors_nameThePackage() {
    String output =
        "ERROR: Could not find a version that satisfies the requirement requests==2.99.0 (from"
            + " versions: none)\n"
            + "ERROR: No matching distribution found for requests==2.99.0\n"
            + "npm ERR! code ETARGET\n"
            + "npm ERR! notarget No matching version found for @google/gemini-cli@0.99.1.\n"
            + "npm ERR! notarget In most cases you or one of your dependencies are requesting\n";

    List<Diagnostic> missing = LockedBuild.missingPackages(output, "l.json");

    assertThat(missing)
        .extracting(Diagnostic::path)
        .containsExactly("python.requests", "npm.@google/gemini-cli");
    assertThat(missing.get(0).message()).startsWith("python package requests 2.99.0 ");
    assertThat(missing.get(1).message()).startsWith("npm package @google/gemini-cli 0.99.1 ");
  }

  @Test
  void missingPackages_otherFailure_isNotTakenForAMissingVersion() {
    assertThat(
            LockedBuild.missingPackages(
                "E: Unable to locate package capsem-no-such-package", "l.json"))
        .isEmpty();
  }

  @Test
  void name_specsOfEachEcosystem_giveThePackageName() {
    assertThat(LockedBuild.name("apt", "jq=1.6-2.1")).isEqualTo("jq");
    assertThat(LockedBuild.name("npm", "@openai/codex@0.1")).isEqualTo("@openai/codex");
    assertThat(LockedBuild.name("npm", "marked")).isEqualTo("marked");
    assertThat(LockedBuild.name("python", "requests[socks]>=2")).isEqualTo("requests");
    assertThat(LockedBuild.normalise("Foo_Bar.baz")).isEqualTo("foo-bar-baz");
  }
}
