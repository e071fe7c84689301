package dev.capsem.core.api;

import dev.capsem.core.internal.doctor.Doctor;
import dev.capsem.core.internal.doctor.DoctorText;

/**
 * The library's entry point. Build one from the adapters' ports ({@code StandardPorts} of
 * capsem-adapters makes the usual set) and call the use cases; the command line and the Maven
 * plugin do exactly that. Every use case returns an {@link dev.capsem.core.diag.Outcome}: a value
 * that renders upstream's report, the coded diagnostics, and why it failed when it did.
 *
 * <pre>{@code
 * Capsem capsem = Capsem.with(StandardPorts.builder(System.getenv()).build());
 * Outcome<Release> release =
 *     capsem.releases().release(ReleaseRequest.builder(profile, out).build(), progress);
 * }</pre>
 */
public final class Capsem {

  private final Ports ports;
  private final Flows flows;

  private Capsem(Ports ports) {
    this.ports = ports;
    this.flows = Flows.of(ports);
  }

  public static Capsem with(Ports ports) {
    return new Capsem(ports);
  }

  public ProfileUseCases profiles() {
    return new ProfileService(ports);
  }

  public SettingsUseCases settings() {
    return new SettingsService(ports);
  }

  public WorkspaceUseCases workspaces() {
    return new WorkspaceService();
  }

  public ImageUseCases images() {
    return new ImageService(ports, flows);
  }

  /** The release: profile in, signed and verified release out. */
  public ReleaseUseCases releases() {
    return new ReleaseService(ports, flows);
  }

  public ManifestUseCases manifests() {
    return new ManifestService(flows);
  }

  public SigningUseCases signing() {
    return new SigningService(flows);
  }

  /** Enforcement packs; compiled conditions are cached for the life of this instance. */
  public EnforcementUseCases enforcement() {
    return new EnforcementService(flows.enforcement());
  }

  public DetectionUseCases detection() {
    return new DetectionService(flows.detection());
  }

  public DoctorUseCase doctor() {
    Doctor doctor = new Doctor(ports.tools(), ports.hasher(), ports.host(), ports.clock());
    return request ->
        DoctorText.outcome(
            doctor.run(
                new dev.capsem.core.internal.doctor.DoctorRequest(
                    request.profile() == null ? null : request.profile().path(),
                    request.profile() == null ? null : request.profile().shown(),
                    request.arch(),
                    request.repoRoot().path(),
                    request.repoRoot().shown(),
                    request.guestBinaries() == null ? null : request.guestBinaries().path())));
  }

  public Ports ports() {
    return ports;
  }
}
