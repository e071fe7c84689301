package dev.capsem.core.diag;

import static dev.capsem.core.diag.Severity.ERROR;
import static dev.capsem.core.diag.Severity.WARNING;

/**
 * The catalogue of diagnostic codes. A code keeps its meaning forever once released; {@code
 * docs/diagnostics.md} documents every constant here (a test keeps the two in step).
 */
public enum Code {
  // Generic input and schema checks.
  E001(ERROR, "missing required field"),
  E002(ERROR, "input cannot be parsed"),
  E003(ERROR, "wrong value type"),
  E004(ERROR, "collection must not be empty"),
  E005(ERROR, "value not in the allowed set"),
  E006(ERROR, "invalid domain pattern"),
  E007(ERROR, "MCP transport mismatch"),
  E008(ERROR, "duplicate identifier"),
  E009(ERROR, "provider file path not absolute"),
  E010(ERROR, "invalid JSON in provider file content"),
  E011(ERROR, "unknown field"),
  E012(ERROR, "string pattern mismatch"),
  E013(ERROR, "number out of range"),
  E014(ERROR, "empty string"),
  E015(ERROR, "invalid URL"),
  E016(ERROR, "missing config directory or required file"),

  // Profile, settings and build-plan semantics.
  E101(ERROR, "extends_profile_id and extends_profile_revision must be set together"),
  E102(ERROR, "selected architecture has no VM assets"),
  E103(ERROR, "node runtime has no integer major version"),
  E104(ERROR, "version_commands keys not in packages"),
  E105(ERROR, "provider table not named like its file"),
  E106(ERROR, "no provider definition for an AI provider"),
  E107(ERROR, "VM resources exceed the build limits"),
  E108(ERROR, "expected version is not a valid range for its package ecosystem"),
  E110(ERROR, "telemetry enabled without endpoint"),
  E111(ERROR, "remote policy enabled without endpoint"),
  E112(ERROR, "profile catalog URL and public key must be set together"),
  E113(ERROR, "profile catalog allows http only for loopback"),
  E114(ERROR, "add/replace/lock directive without value"),
  E115(ERROR, "remove/forbid directive with value"),

  // Enforcement and detection.
  E201(ERROR, "rewrite decision requires rewrite payload"),
  E202(ERROR, "rewrite payload only valid for rewrite decision"),
  E203(ERROR, "unsupported internal event root"),
  E204(ERROR, "unsupported policy path for the rule family"),
  E205(ERROR, "unknown policy CEL root"),
  E206(ERROR, "CEL parse or type error"),
  E207(ERROR, "condition is not boolean"),
  E208(ERROR, "invalid events file line"),
  E209(ERROR, "event not allowed for the rule family"),
  E210(ERROR, "detection source without content, path or url"),
  E211(ERROR, "Sigma detection source not in YAML format"),
  E212(ERROR, "Sigma detection source without field mapping"),
  E213(ERROR, "Sigma rule error"),
  E214(ERROR, "unsupported Sigma logsource"),
  E215(ERROR, "unsupported Sigma condition"),
  E216(ERROR, "unsupported Sigma item linking"),
  E217(ERROR, "unsupported Sigma keyword detection"),
  E218(ERROR, "unsupported Sigma modifiers"),
  E219(ERROR, "unknown Sigma field for the family"),
  E220(ERROR, "unsupported Sigma wildcard, placeholder or value type"),
  E221(ERROR, "detection source not an embedded or local Sigma source"),
  E222(ERROR, "enforcement rule test case failed"),
  E223(ERROR, "backtest or check report differs from the expected report"),

  // Build inputs and build execution.
  E301(ERROR, "CA certificate missing"),
  E302(ERROR, "guest artifact missing"),
  E303(ERROR, "guest agent binary missing"),
  E304(ERROR, "kernel defconfig missing for a declared architecture"),
  E305(ERROR, "kernel source checksum mismatch"),
  E306(ERROR, "container runtime not found"),
  E307(ERROR, "container command failed"),
  E308(ERROR, "kernel source unavailable or unverified"),
  E309(ERROR, "container engine cannot run the target platform"),
  E310(ERROR, "package sources cannot install what the profile asks for"),
  E311(ERROR, "enabled AI CLI reports no version in the built rootfs"),
  E312(ERROR, "project state (guest kit, project CA) cannot be written"),

  // Manifests, catalogs and compatibility gates.
  E401(ERROR, "asset manifest format not supported"),
  E402(ERROR, "unsafe version or file name in an asset manifest"),
  E403(ERROR, "invalid BLAKE3 hash in an asset manifest"),
  E404(ERROR, "asset release with an empty arch entry"),
  E405(ERROR, "current version not listed in the manifest"),
  E406(ERROR, "catalog current revision missing or not active"),
  E407(ERROR, "no profile payloads to catalog"),
  E408(ERROR, "profile has no active revision"),
  E409(ERROR, "binary version unknown"),
  E410(ERROR, "no compatible asset release for the binary"),
  E411(ERROR, "architecture or boot file missing from the asset release"),
  E412(ERROR, "profile revision incompatible with the binary"),
  E413(ERROR, "profile revision status forbids the action"),
  E414(ERROR, "profile payload does not match its catalog record"),
  E415(ERROR, "profile revision bytes changed under the same revision"),
  E416(ERROR, "current revision moved backwards"),
  E417(ERROR, "previously active revision vanished"),
  E418(ERROR, "release version without a signing key"),
  E419(ERROR, "release version without publication URLs"),
  E420(ERROR, "signing key is encrypted and no password was given"),
  E421(ERROR, "signing failed"),

  // The boot test (decision D19).
  E500(ERROR, "virtual machine monitor not installed"),
  E501(ERROR, "guest kernel panicked during boot"),
  E502(ERROR, "guest init exited before the checks"),
  E503(ERROR, "in-guest check failed"),
  E504(ERROR, "guest did not finish its checks within the timeout"),
  E505(ERROR, "guest stopped without check results"),
  E506(ERROR, "boot asset missing for the boot test"),
  E507(ERROR, "virtual machine could not start"),

  // Foreign architectures: cross builds and qemu-user.
  E520(ERROR, "base image of a foreign architecture missing on the engine"),

  // Squashfs images and the filesystem's own package catalogue.
  E530(ERROR, "not a squashfs 4.0 image"),
  E531(ERROR, "squashfs image damaged or hostile"),
  E532(ERROR, "squashfs compression not supported"),
  E533(ERROR, "squashfs block does not decompress within its size"),
  E534(ERROR, "path not in the squashfs image"),
  E535(ERROR, "tar stream damaged"),
  E536(ERROR, "tar member squashfs cannot hold"),
  E537(ERROR, "image inventory and rootfs disagree"),

  // Registry publication (OCI) and provenance.
  E550(ERROR, "registry reference invalid"),
  E551(ERROR, "registry refused the credentials"),
  E552(ERROR, "registry unreachable, not trusted or failing"),
  E553(ERROR, "artifact or image not found in the registry"),
  E554(ERROR, "pulled blob does not match its digest"),
  E555(ERROR, "pulled file does not match its BLAKE3"),
  E556(ERROR, "pulled signature does not verify"),
  E557(ERROR, "registry artifact is not a capsem release"),
  E558(ERROR, "release folder cannot be published or pulled into"),
  E559(ERROR, "base image digest cannot be resolved"),
  E560(ERROR, "provenance envelope malformed"),
  E561(ERROR, "provenance signature does not verify"),
  E562(ERROR, "provenance subject file missing"),
  E563(ERROR, "provenance subject digest mismatch"),
  E564(ERROR, "provenance predicate invalid"),
  E565(ERROR, "provenance builder differs from the expected one"),
  E566(ERROR, "provenance profile digest differs from the expected one"),

  // Hardening: hostile or careless input.
  E570(ERROR, "value not allowed where it reaches a build (Dockerfile, shell line or file name)"),
  E571(ERROR, "not enough memory for the secret key's scrypt parameters"),
  E572(ERROR, "duplicate key in a JSON object"),
  E573(ERROR, "secret in a profile that an output would repeat"),
  E574(ERROR, "symbolic link in the download folder"),
  E575(ERROR, "catalog signature missing or invalid"),
  E576(ERROR, "revoked revision made active again"),
  E577(ERROR, "enforcement rule exceeded its CEL evaluation budget"),

  // Warnings.
  W001(WARNING, "npm packages declared but no rule permits the npm registry"),
  W002(WARNING, "development package"),
  W004(WARNING, "package set without network config"),
  W005(WARNING, "API key or other secret in config"),
  W006(WARNING, "placeholder file content"),
  W007(WARNING, "overly broad wildcard domain"),
  W008(WARNING, "environment variable shared by providers"),
  W009(WARNING, "shell metacharacters in install_cmd"),
  W010(WARNING, "PATH lacks /usr/bin and /bin"),
  W011(WARNING, "network policy wide open"),
  W012(WARNING, "unknown rust_target"),
  W013(WARNING, "enabled provider CLI without version_command"),
  W014(WARNING, "package sets but no registry in legacy web security"),
  W015(WARNING, "domains in both allow and block lists"),
  W016(WARNING, "enforcement rule never matched by a test case or corpus event"),
  W017(WARNING, "guest agent binaries omitted by configuration"),
  W018(WARNING, "release built with the generated project CA"),
  W019(WARNING, "profile not updated with the built assets"),
  W401(WARNING, "binary release deprecated"),
  W500(WARNING, "boot test skipped by configuration"),
  W501(WARNING, "version range left to image verify by the boot test"),
  W530(WARNING, "extended attribute squashfs cannot store"),
  W531(WARNING, "package metadata in the rootfs unreadable"),
  W550(WARNING, "pulled release not checked against a public key"),
  W551(WARNING, "released file not among the provenance subjects"),

  // Hardening.
  W570(WARNING, "enforcement rule exceeded its CEL evaluation budget in a backtest");

  private final Severity severity;
  private final String title;

  Code(Severity severity, String title) {
    this.severity = severity;
    this.title = title;
  }

  public Severity severity() {
    return severity;
  }

  /** A short description of the check, as listed in the catalogue. */
  public String title() {
    return title;
  }

  /**
   * Whether the finding is about the machine (no container engine, an engine that does not answer,
   * a platform it cannot run) rather than about the user's input.
   */
  public boolean environmental() {
    return this == E306 || this == E307 || this == E309;
  }
}
