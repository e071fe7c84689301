package dev.capsem.core.api;

import dev.capsem.core.internal.boottest.ImageTestFlow;
import dev.capsem.core.internal.detection.DetectionFlow;
import dev.capsem.core.internal.enforcement.EnforcementFlow;
import dev.capsem.core.internal.image.ImageFlow;
import dev.capsem.core.internal.image.VerifyFlow;
import dev.capsem.core.internal.image.rootfs.Rootfs;
import dev.capsem.core.internal.image.rootfs.RootfsFlow;
import dev.capsem.core.internal.manifest.ManifestFlow;
import dev.capsem.core.internal.release.ReleaseTools;
import dev.capsem.core.internal.signing.SigningFlow;
import dev.capsem.core.ports.HttpFetcher;

/**
 * The domain's use cases over one set of ports, made once per {@link Capsem}: the services of this
 * package translate requests into calls on them.
 */
record Flows(
    ImageFlow images,
    VerifyFlow verification,
    SigningFlow signing,
    EnforcementFlow enforcement,
    DetectionFlow detection,
    RootfsFlow rootfs,
    ImageTestFlow imageTests,
    Ports ports) {

  static Flows of(Ports ports) {
    String runtimeFix =
        ports.host().isMac()
            ? "brew install colima docker && colima start --vm-type vz --vz-rosetta"
            : "sudo apt install docker.io";
    Rootfs rootfs = Rootfs.with(ports.squashfsCodecs(), ports.hasher());
    return new Flows(
        new ImageFlow(
            ports.hasher(),
            ports.containers(),
            ports.downloads(),
            ports.clock(),
            runtimeFix,
            ports.squashfsCodecs()),
        new VerifyFlow(ports.hasher(), ports.files(), rootfs),
        new SigningFlow(
            ports.hasher(), ports.files(), ports.clock(), ports.signer(), ports.keyGenerator()),
        new EnforcementFlow(ports.clock(), ports.files()),
        new DetectionFlow(ports.clock(), ports.files()),
        new RootfsFlow(rootfs),
        new ImageTestFlow(ports.virtualMachines()),
        ports);
  }

  /** The manifest use cases fetching through {@code fetcher} (null: the ports' own). */
  ManifestFlow manifests(HttpFetcher fetcher) {
    return new ManifestFlow(
        ports.hasher(),
        ports.files(),
        ports.clock(),
        ports.verifier(),
        ports.signer(),
        fetcher == null ? ports.http() : fetcher);
  }

  ManifestFlow manifests() {
    return manifests(null);
  }

  ReleaseTools release() {
    return new ReleaseTools(
        ports.files(),
        ports.hasher(),
        ports.clock(),
        images,
        verification,
        this::manifests,
        signing,
        enforcement,
        detection,
        imageTests);
  }
}
