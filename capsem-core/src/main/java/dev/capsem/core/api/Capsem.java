package dev.capsem.core.api;

import dev.capsem.core.internal.doctor.Doctor;

/**
 * The library's entry point. Build one from the adapters' ports and call the use cases; the command
 * line and the Maven plugin do exactly that.
 *
 * <pre>{@code
 * Capsem capsem = Capsem.with(ports);
 * Validation result = capsem.profiles().validate(Path.of("corp.profile.toml"), "corp.profile.toml");
 * }</pre>
 */
public final class Capsem {

  private final Ports ports;
  private final EnforcementService enforcement;

  private Capsem(Ports ports) {
    this.ports = ports;
    this.enforcement = new EnforcementService(ports);
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

  /** {@code image verify} and {@code image sbom}. */
  public ImageVerificationUseCases imageVerification() {
    return new ImageVerificationService(ports);
  }

  public ManifestUseCases manifests() {
    return new ManifestService(ports);
  }

  public SigningUseCases signing() {
    return new SigningService(ports);
  }

  /** Enforcement packs; compiled conditions are cached for the life of this instance. */
  public EnforcementUseCases enforcement() {
    return enforcement;
  }

  public DetectionUseCases detection() {
    return new DetectionService(ports);
  }

  public ImageUseCases images() {
    return new ImageService(ports);
  }

  public DoctorUseCase doctor() {
    Doctor doctor = new Doctor(ports.tools(), ports.hasher(), ports.host(), ports.clock());
    return doctor::run;
  }

  public Ports ports() {
    return ports;
  }
}
