package dev.capsem.cli;

import dev.capsem.core.api.AssetManifestRequest;
import dev.capsem.core.api.Capsem;
import dev.capsem.core.api.CheckManifestRequest;
import dev.capsem.core.api.GenerateCatalogRequest;
import dev.capsem.core.api.ResolveRequest;
import dev.capsem.core.api.SignManifestRequest;
import dev.capsem.core.api.VerifySignatureRequest;
import dev.capsem.core.diag.Code;
import dev.capsem.core.diag.GivenPath;
import dev.capsem.core.diag.Outcome;
import dev.capsem.core.diag.TextReport;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code capsem-admin manifest assets|generate|check|resolve|sign|verify-signature}. */
final class ManifestCommands {

  private ManifestCommands() {}

  @Command(
      name = "manifest",
      description = "Generate, check, resolve and sign asset manifests and profile catalogs.")
  static final class Group extends CommandGroup {}

  @Command(
      name = "assets",
      description =
          "Write the format-2 asset manifest of an assets folder (from its B3SUMS, written first"
              + " when absent), dated by SOURCE_DATE_EPOCH.")
  static final class Assets extends CapsemCommand {

    @Parameters(paramLabel = "ASSETS_DIR", description = "The folder with <arch>/ boot files.")
    String assetsDir;

    @Option(
        names = "--binary-version",
        description = "The binary release to list (default: from --cargo-toml).")
    String binaryVersion;

    @Option(
        names = "--cargo-toml",
        description = "Read the binary version from this Cargo.toml (upstream's source).")
    String cargoToml;

    @Option(
        names = "--min-binary",
        defaultValue = AssetManifestRequest.DEFAULT_MIN_BINARY,
        description = "min_binary of the new asset release (default: ${DEFAULT-VALUE}).")
    String minBinary;

    @Option(
        names = "--merge",
        description = "Keep the releases of the existing manifest (upstream writes it fresh).")
    boolean merge;

    @Option(
        names = "--out",
        description = "The manifest to write (default: ASSETS_DIR/manifest.json).")
    String out;

    @Option(names = "--json", description = "Print the JSON report.")
    boolean json;

    Assets(Capsem capsem) {
      super(capsem);
    }

    @Override
    public Integer call() {
      GivenPath dir = existingDirectory(assetsDir, "ASSETS_DIR");
      GivenPath cargo = optionalFile(cargoToml, "--cargo-toml");
      return print(
          capsem
              .manifests()
              .assetManifest(
                  new AssetManifestRequest(
                      dir,
                      out == null ? null : GivenPath.of(out),
                      binaryVersion,
                      cargo == null ? null : cargo.path(),
                      minBinary,
                      merge)),
          json);
    }
  }

  @Command(
      name = "generate",
      description = "Generate a Profile V2 catalog manifest from local profile payloads.")
  static final class Generate extends CapsemCommand {

    @Option(
        names = "--profiles",
        required = true,
        description = "Directory containing Profile V2 JSON/TOML payloads.")
    String profiles;

    @Option(
        names = "--base-url",
        description = "Base URL for generated profile payload URLs. Defaults to file:// URLs.")
    String baseUrl;

    @Option(
        names = "--status",
        description = "Revision status override as profile@revision=active|deprecated|revoked.")
    List<String> status = new ArrayList<>();

    @Option(names = "--current", description = "Current revision override as profile=revision.")
    List<String> current = new ArrayList<>();

    @Option(names = "--out", description = "Write the catalog to this file.")
    String out;

    @Option(names = "--force", description = "Overwrite --out if it already exists.")
    boolean force;

    @Option(names = "--json", description = "Print the JSON report.")
    boolean json;

    Generate(Capsem capsem) {
      super(capsem);
    }

    @Override
    public Integer call() {
      GivenPath dir = existingDirectory(profiles, "--profiles");
      Map<String, String> statuses = new LinkedHashMap<>();
      for (String value : status) {
        int eq = value.indexOf('=');
        if (eq < 0 || value.substring(0, eq).indexOf('@') < 0) {
          return fail("--status must use profile@revision=status", json);
        }
        statuses.put(value.substring(0, eq), value.substring(eq + 1));
      }
      Map<String, String> currents = new LinkedHashMap<>();
      for (String value : current) {
        int eq = value.indexOf('=');
        if (eq < 0) {
          return fail("--current must use profile=revision", json);
        }
        currents.put(value.substring(0, eq), value.substring(eq + 1));
      }
      return print(
          capsem
              .manifests()
              .generateCatalog(
                  new GenerateCatalogRequest(
                      dir,
                      baseUrl,
                      statuses,
                      currents,
                      out == null ? null : GivenPath.of(out),
                      force)),
          json);
    }
  }

  @Command(name = "check", description = "Check a Profile V2 catalog manifest.")
  static final class Check extends CapsemCommand {

    @Parameters(paramLabel = "MANIFEST_PATH", description = "The catalog manifest.")
    String manifest;

    @Option(names = "--fast", description = "Run HEAD/local metadata checks.")
    boolean fast;

    @Option(
        names = "--download",
        description = "Download and verify every referenced profile payload and VM asset.")
    boolean download;

    @Option(
        names = "--download-dir",
        description = "Directory for verified downloads. Defaults to a temp directory.")
    String downloadDir;

    @Option(
        names = "--pubkey",
        description = "Minisign public key every signature must verify against.")
    String pubkey;

    @Option(
        names = "--previous",
        description =
            "The previously published catalog: fail on replaced payloads, a current revision"
                + " moved backwards, or a vanished active revision.")
    String previous;

    @Option(
        names = "--allow-legacy-signatures",
        description = "Also accept legacy (non-prehashed) Ed signatures.")
    boolean allowLegacy;

    @Option(names = "--json", description = "Emit a typed check report.")
    boolean json;

    Check(Capsem capsem) {
      super(capsem);
    }

    @Override
    public Integer call() {
      GivenPath file = existingFile(manifest, "MANIFEST_PATH");
      GivenPath key = optionalFile(pubkey, "--pubkey");
      GivenPath old = optionalFile(previous, "--previous");
      if (fast == download) {
        return fail("pass exactly one of --fast or --download", json);
      }
      if (fast && pubkey != null) {
        return fail("--pubkey requires --download", json);
      }
      return print(
          capsem
              .manifests()
              .check(
                  new CheckManifestRequest(
                      file,
                      download,
                      downloadDir == null ? null : GivenPath.of(downloadDir),
                      key == null ? null : key.path(),
                      allowLegacy,
                      old)),
          json);
    }
  }

  @Command(
      name = "resolve",
      description = "Print the asset release a binary would boot, or why it may boot none.")
  static final class Resolve extends CapsemCommand {

    @Parameters(paramLabel = "MANIFEST_PATH", description = "The format-2 asset manifest.")
    String manifest;

    @Option(names = "--binary-version", required = true, description = "The binary asking.")
    String binaryVersion;

    @Option(names = "--arch", description = "arm64 or x86_64 (default: every architecture).")
    String arch;

    @Option(names = "--json", description = "Emit a typed resolve report.")
    boolean json;

    Resolve(Capsem capsem) {
      super(capsem);
    }

    @Override
    public Integer call() {
      GivenPath file = existingFile(manifest, "MANIFEST_PATH");
      if (binaryVersion.isEmpty()) {
        throw usage("Invalid value for '--binary-version': must not be empty.");
      }
      return print(capsem.manifests().resolve(new ResolveRequest(file, binaryVersion, arch)), json);
    }
  }

  @Command(name = "sign", description = "Sign a manifest with a minisign secret key (native).")
  static final class Sign extends CapsemCommand {

    @Parameters(paramLabel = "MANIFEST_PATH", description = "The file to sign.")
    String manifest;

    @Option(
        names = "--key",
        required = true,
        description = "Minisign secret key used to sign the manifest.")
    String key;

    @Option(names = "--out", description = "Output signature path. Defaults to <manifest>.minisig.")
    String out;

    @Option(
        names = "--password-file",
        description =
            "File whose first line is the key's password (else CAPSEM_KEY_PASSWORD, else the"
                + " console).")
    String passwordFile;

    @Option(names = "--json", description = "Emit a typed sign report.")
    boolean json;

    Sign(Capsem capsem) {
      super(capsem);
    }

    @Override
    public Integer call() {
      GivenPath file = existingFile(manifest, "MANIFEST_PATH");
      GivenPath secret = existingFile(key, "--key");
      GivenPath password = optionalFile(passwordFile, "--password-file");
      Outcome<TextReport> signed =
          capsem
              .manifests()
              .sign(
                  new SignManifestRequest(
                      file,
                      secret,
                      out == null ? null : GivenPath.of(out),
                      Passwords.source(password == null ? null : password.path(), capsem)));
      if (!signed.ok()) {
        // The key's failure in this face's own words: where a password comes from here.
        boolean locked = signed.diagnostics().stream().anyMatch(d -> d.code() == Code.E420);
        return fail(
            locked
                ? "manifest signing failed: key is encrypted; pass --password-file FILE or set "
                    + Passwords.ENVIRONMENT_VARIABLE
                : signed.error(),
            json);
      }
      return print(signed, json);
    }
  }

  @Command(
      name = "verify-signature",
      description = "Verify a manifest's minisign signature (native, minisign's rules).")
  static final class VerifySignature extends CapsemCommand {

    @Parameters(paramLabel = "MANIFEST_PATH", description = "The signed file.")
    String manifest;

    @Option(
        names = "--signature",
        required = true,
        description = "Minisign signature for the manifest.")
    String signature;

    @Option(
        names = "--pubkey",
        required = true,
        description = "Minisign public key used to verify the manifest signature.")
    String pubkey;

    @Option(
        names = "--allow-legacy-signatures",
        description = "Also accept a legacy (non-prehashed) Ed signature.")
    boolean allowLegacy;

    @Option(names = "--json", description = "Emit a typed verify report.")
    boolean json;

    VerifySignature(Capsem capsem) {
      super(capsem);
    }

    @Override
    public Integer call() {
      GivenPath file = existingFile(manifest, "MANIFEST_PATH");
      GivenPath sig = existingFile(signature, "--signature");
      GivenPath key = existingFile(pubkey, "--pubkey");
      return print(
          capsem
              .manifests()
              .verifySignature(new VerifySignatureRequest(file, sig, key, allowLegacy)),
          json);
    }
  }
}
