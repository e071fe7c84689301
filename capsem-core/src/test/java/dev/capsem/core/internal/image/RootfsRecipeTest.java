package dev.capsem.core.internal.image;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capsem.core.diag.GivenPath;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RootfsRecipeTest {

  @TempDir Path temp;
  private TestWorkspaces coding;

  @BeforeEach
  void workspace() throws Exception {
    coding = TestWorkspaces.coding(temp);
  }

  private RootfsRecipe recipe(String arch, PackageSources sources) {
    return new RootfsRecipe(
        coding.config(),
        coding.config().build().architectures().get(arch),
        sources,
        true,
        1776729600L);
  }

  private static void assertInOrder(String text, String... parts) {
    int at = -1;
    for (String part : parts) {
      int next = text.indexOf(part, at + 1);
      assertThat(next).as("'%s' after position %d", part, at).isGreaterThan(at);
      at = next;
    }
  }

  @Test
  void dockerfile_upstreamSources_followsTheSpecsLayerOrder() {
    String d = recipe("arm64", PackageSources.upstream()).dockerfile();

    assertInOrder(
        d,
        "FROM --platform=linux/arm64 debian:bookworm-slim",
        "apt-get install -y --no-install-recommends",
        "nvm install 24",
        "install.sh | env UV_INSTALL_DIR=/usr/local/bin",
        "npm install -g --prefix /opt/ai-clis @google/gemini-cli @openai/codex",
        "ENV PATH=\"/opt/ai-clis/bin:$PATH\"",
        "update-ca-certificates",
        "COPY guest-binaries/ /usr/local/bin/",
        "chmod 555 /usr/local/bin/capsem-pty-agent",
        "COPY capsem-bashrc /etc/capsem-bashrc",
        "COPY banner.txt /etc/capsem-banner.txt",
        "COPY tips.txt /etc/capsem-tips.txt",
        "uv pip install --system --break-system-packages",
        "COPY diagnostics/ /usr/local/lib/capsem-tests/",
        "EXTERNALLY-MANAGED",
        "chmod ug-s",
        "rm -rf /root && mkdir -m 700 /root",
        "curl -fsSL https://claude.ai/install.sh | bash",
        "install -m 555",
        "URIs: https://");
    assertThat(d.lines().filter(l -> l.startsWith("RUN ")).reduce((a, b) -> b).orElseThrow())
        .contains("sed -i 's|URIs: http://|URIs: https://|'");
  }

  @Test
  void dockerfile_everyAptUpdate_carriesTheClockDriftOptions() {
    String d = recipe("x86_64", new PackageSources("debian", null, null, null, null)).dockerfile();

    long updates = d.lines().filter(l -> l.contains("apt-get update")).count();
    long withOptions =
        d.lines()
            .filter(l -> l.contains("apt-get update"))
            .filter(l -> l.contains(RootfsRecipe.APT_CLOCK_OPTIONS))
            .count();
    assertThat(updates).isEqualTo(2).isEqualTo(withOptions);
  }

  @Test
  void dockerfile_debianRegistryNode_takesDebiansNodejsAndChecksThePinnedNpmBeforeUnpackingIt() {
    PackageSources sources =
        new PackageSources(
            "debian-registry", null, null, null, new GivenPath(Path.of("ca.pem"), "ca.pem"));

    String d = recipe("x86_64", sources).dockerfile();

    assertThat(d)
        .contains("apt-get install -y --no-install-recommends nodejs \\\n")
        .doesNotContain("nodejs npm")
        .doesNotContain("nvm");
    String npmStep =
        d.substring(d.indexOf("\nRUN ", d.indexOf("nodejs \\\n")), d.indexOf("npx-cli.js"));
    assertThat(npmStep)
        .contains("export SSL_CERT_FILE=" + RootfsRecipe.BUILD_CA)
        .contains("curl -fsSL https://registry.npmjs.org/npm/-/npm-10.9.2.tgz -o /tmp/npm.tgz")
        .contains(
            "echo '8ab88f10f224a0c614cb717a7f7c30499014f77134120e9c1f0211ea3cf3397592cbe483feb38e0c4"
                + "b3be1c54e347292c76a1b5edb94a3289d5448484ab8ac81  /tmp/npm.tgz' | sha512sum -c -")
        .contains("ln -sf ../lib/node_modules/npm/bin/npm-cli.js /usr/local/bin/npm");
    assertThat(npmStep.indexOf("sha512sum -c -")).isLessThan(npmStep.indexOf("tar -xzf"));
    // curl comes with the system packages, which install first.
    String systemPackages = d.lines().filter(l -> l.contains("apt-get install")).findFirst().get();
    assertThat(systemPackages).contains(" curl");
  }

  @Test
  void dockerfile_allNpmPackages_oneInstall() {
    String d = recipe("x86_64", PackageSources.upstream()).dockerfile();

    assertThat(d.lines().filter(l -> l.contains("npm install -g --prefix"))).hasSize(1);
  }

  @Test
  void dockerfile_withoutUv_installsPythonPackagesWithPipFromTheWheelFolder() {
    PackageSources offline =
        new PackageSources("debian", null, null, new GivenPath(Path.of("wheels"), "wheels"), null);

    String d = recipe("x86_64", offline).dockerfile();

    assertThat(d)
        .doesNotContain("uv pip install")
        .doesNotContain("astral.sh")
        .contains("COPY python-wheels/ /tmp/capsem-wheels/")
        .contains(
            "RUN python3 -m pip install --break-system-packages --no-index --find-links"
                + " /tmp/capsem-wheels")
        .contains("apt-get install -y --no-install-recommends nodejs npm");
  }

  @Test
  void dockerfile_buildCa_isTrustedPerDownloadingStepAndNeverByTheImage() {
    PackageSources proxied =
        new PackageSources(
            "nvm",
            URI.create("https://astral.sh/uv/install.sh"),
            URI.create("https://pypi.corp.example/simple"),
            null,
            new GivenPath(Path.of("ca.pem"), "ca.pem"));

    String d = recipe("x86_64", proxied).dockerfile();

    assertThat(d).doesNotContain("ENV SSL_CERT_FILE").doesNotContain("ENV NODE_EXTRA_CA_CERTS");
    assertThat(d.lines().filter(l -> l.contains("export SSL_CERT_FILE=" + RootfsRecipe.BUILD_CA)))
        .hasSizeGreaterThanOrEqualTo(4);
    assertThat(d).contains("--index-url https://pypi.corp.example/simple");
    assertThat(d.substring(d.lastIndexOf("\nRUN "))).contains("/usr/local/share/capsem-build");
  }

  @Test
  void dockerfile_sameInputs_sameText() {
    assertThat(recipe("arm64", PackageSources.upstream()).dockerfile())
        .isEqualTo(recipe("arm64", PackageSources.upstream()).dockerfile());
  }

  @Test
  void aptPackages_addWhatOurStepsNeedOnlyWhenMissing() {
    List<String> packages = recipe("x86_64", PackageSources.upstream()).aptPackages();

    assertThat(packages).contains("ca-certificates", "python3", "curl").doesNotHaveDuplicates();
  }

  /** capsem-init needs ip, iptables and auditd in every rootfs, even when the profile has none. */
  @Test
  void aptPackages_profileWithoutApt_stillHoldWhatTheGuestsBootRuns() throws Exception {
    TestWorkspaces draft =
        TestWorkspaces.of(
            "derived/image-build/plan/draft-corp-dev.profile.json",
            ArchSelection.ALL,
            temp.resolve("draft"));
    assertThat(draft.plan().profile().packages().apt()).isEmpty();

    List<String> packages =
        new RootfsRecipe(
                draft.config(),
                draft.config().build().architectures().get("x86_64"),
                PackageSources.upstream(),
                true,
                1776729600L)
            .aptPackages();

    assertThat(packages).contains("iproute2", "iptables", "auditd");
  }

  @Test
  void sourceProblem_npmPackagesWithoutNode_isReported() {
    assertThat(recipe("x86_64", new PackageSources("none", null, null, null, null)).sourceProblem())
        .contains("npm packages")
        .contains("@openai/codex")
        .contains("'none'");
    assertThat(recipe("x86_64", PackageSources.upstream()).sourceProblem()).isNull();
  }

  @Test
  void kernelDockerfile_buildsFromTheContextTarballWithTheNetfilterCheckAndAFixedTime() {
    KernelRecipe kernel =
        new KernelRecipe(
            "x86_64",
            coding.config().build().architectures().get("x86_64"),
            "linux-source.tar.xz",
            1776729600L);

    String d = kernel.dockerfile();

    assertInOrder(
        d,
        "FROM --platform=linux/amd64 debian:bookworm-slim AS build",
        "COPY linux-source.tar.xz /usr/src/linux-source.tar.xz",
        "COPY kernel/defconfig.x86_64 /usr/src/defconfig",
        "KBUILD_BUILD_TIMESTAMP='Tue Apr 21 00:00:00 UTC 2026'",
        "cp /usr/src/defconfig .config",
        "make olddefconfig",
        "CONFIG_NF_NAT_REDIRECT",
        "FATAL: kernel config missing required netfilter symbol",
        "make -j\"$(nproc)\" bzImage",
        "cp arch/x86_64/boot/bzImage /vmlinuz",
        "FROM scratch",
        "COPY --from=build /vmlinuz /vmlinuz");
    assertThat(d).doesNotContain("cdn.kernel.org").doesNotContain("wget");
    assertThat(
            new KernelRecipe(
                    "arm64",
                    coding.config().build().architectures().get("arm64"),
                    "linux-source.tar.xz",
                    0)
                .makeTarget())
        .isEqualTo("Image");
  }
}
