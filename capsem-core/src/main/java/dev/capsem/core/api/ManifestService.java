package dev.capsem.core.api;

import dev.capsem.core.diag.Code;
import dev.capsem.core.diag.Diagnostic;
import dev.capsem.core.internal.compat.AssetGate;
import dev.capsem.core.internal.compat.BootDecision;
import dev.capsem.core.internal.compat.BootRequest;
import dev.capsem.core.internal.io.AtomicFiles;
import dev.capsem.core.internal.json.ArrayNode;
import dev.capsem.core.internal.json.JsonDialect;
import dev.capsem.core.internal.json.JsonPrinter;
import dev.capsem.core.internal.json.JsonReader;
import dev.capsem.core.internal.json.JsonSyntaxException;
import dev.capsem.core.internal.json.Node;
import dev.capsem.core.internal.json.ObjectNode;
import dev.capsem.core.internal.manifest.AssetFile;
import dev.capsem.core.internal.manifest.AssetManifest;
import dev.capsem.core.internal.manifest.AssetManifestCheck;
import dev.capsem.core.internal.manifest.AssetManifestDraft;
import dev.capsem.core.internal.manifest.AssetManifestReader;
import dev.capsem.core.internal.manifest.B3Sums;
import dev.capsem.core.internal.manifest.CatalogCheck;
import dev.capsem.core.internal.manifest.CatalogGenerator;
import dev.capsem.core.internal.manifest.CatalogHistory;
import dev.capsem.core.internal.manifest.CatalogReader;
import dev.capsem.core.internal.manifest.CheckOptions;
import dev.capsem.core.internal.manifest.CheckReport;
import dev.capsem.core.internal.manifest.HistoryCheck;
import dev.capsem.core.internal.manifest.ManifestChecker;
import dev.capsem.core.internal.report.DiagnosticJson;
import dev.capsem.core.internal.report.PythonPath;
import dev.capsem.core.ports.SignatureComments;
import dev.capsem.core.ports.SignatureFailureKind;
import dev.capsem.core.ports.SignatureVerification;
import dev.capsem.core.ports.Signer;
import dev.capsem.core.ports.SigningException;
import dev.capsem.core.ports.VerifyOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** The manifest use cases over the domain's manifest and compat packages. */
final class ManifestService implements ManifestUseCases {

  private final Ports ports;

  ManifestService(Ports ports) {
    this.ports = ports;
  }

  @Override
  public Generated generateCatalog(GenerateCatalogRequest request) {
    CatalogGenerator.Result result;
    try {
      result =
          new CatalogGenerator(
                  request.profilesDir(),
                  request.profilesDirAsGiven(),
                  request.baseUrl(),
                  request.statusOverrides(),
                  request.currentOverrides())
              .generate(ports.hasher());
    } catch (IOException e) {
      return Generated.refused(
          "cannot read " + request.profilesDirAsGiven() + ": " + e.getMessage());
    }
    if (!result.ok()) {
      return new Generated(false, null, List.of(), result.diagnostics(), result.error());
    }
    String text = JsonPrinter.pretty().printLine(result.document());
    if (request.out() == null) {
      return Generated.printed(text);
    }
    return OutputFiles.writeAll(
        List.of(new OutputFiles.Planned(request.out(), request.outAsGiven(), text)),
        request.force(),
        List.of("created " + PythonPath.normalize(request.outAsGiven())));
  }

  @Override
  public Generated assetManifest(AssetManifestRequest request) {
    Path dir = request.assetsDir();
    Path target = request.out() != null ? request.out() : dir.resolve("manifest.json");
    String shown =
        request.out() != null
            ? request.outAsGiven()
            : request.assetsDirAsGiven().replaceAll("/+$", "") + "/manifest.json";
    String binaryVersion = request.binaryVersion();
    if (binaryVersion == null || binaryVersion.isBlank()) {
      binaryVersion = request.cargoToml() == null ? null : cargoVersion(request.cargoToml());
      if (binaryVersion == null) {
        String where =
            request.cargoToml() == null
                ? "no Cargo.toml given"
                : "Could not find version in Cargo.toml";
        return new Generated(
            false,
            null,
            List.of(),
            List.of(
                Diagnostic.of(
                    Code.E409,
                    request.cargoToml() == null ? null : request.cargoToml().toString(),
                    "version",
                    null,
                    where + "; pass the binary version (--binary-version)")),
            "the binary version is unknown");
      }
    }
    try {
      Node existing = null;
      AssetManifest merged = null;
      if (Files.isRegularFile(target)) {
        existing = looseJson(Files.readAllBytes(target));
        if (request.merge()) {
          AssetManifestCheck check = AssetManifestReader.read(target, shown);
          if (!check.ok()) {
            return new Generated(
                false,
                null,
                List.of(),
                check.diagnostics(),
                "cannot merge into " + shown + ": it is not a valid format-2 manifest");
          }
          merged = check.manifest();
        }
      }
      List<B3Sums.Line> lines = b3sums(dir);
      AssetManifestDraft.Built built =
          new AssetManifestDraft(lines, binaryVersion, request.minBinary(), today())
              .build(existing, merged, path -> sizeOf(dir.resolve(path)));
      AtomicFiles.writeString(target, built.text());
      return Generated.wrote(
          List.of(
              "  manifest.json: "
                  + shown
                  + " (assets "
                  + built.assetVersion()
                  + ", binary "
                  + binaryVersion
                  + ", "
                  + built.assetCount()
                  + " assets)"));
    } catch (IOException e) {
      return Generated.refused("cannot write the asset manifest " + shown + ": " + e.getMessage());
    }
  }

  /** {@code B3SUMS} as found, or computed from the boot files and written first. */
  private List<B3Sums.Line> b3sums(Path dir) throws IOException {
    Path file = dir.resolve(B3Sums.FILE_NAME);
    if (Files.isRegularFile(file)) {
      return B3Sums.parse(Files.readString(file, StandardCharsets.UTF_8));
    }
    List<B3Sums.Line> lines = new ArrayList<>();
    List<Path> archDirs;
    try (Stream<Path> list = Files.list(dir)) {
      archDirs =
          list.filter(Files::isDirectory)
              .filter(p -> !p.getFileName().toString().equals("current"))
              .sorted()
              .toList();
    }
    for (Path arch : archDirs) {
      for (String name : bootFilesIn(arch)) {
        lines.add(
            new B3Sums.Line(
                ports.hasher().hexOfFile(arch.resolve(name)), arch.getFileName() + "/" + name));
      }
    }
    if (lines.isEmpty()) {
      for (String name : bootFilesIn(dir)) {
        lines.add(new B3Sums.Line(ports.hasher().hexOfFile(dir.resolve(name)), name));
      }
    }
    AtomicFiles.writeString(file, B3Sums.format(lines));
    return lines;
  }

  private static List<String> bootFilesIn(Path dir) {
    return AssetGate.BOOT_FILES.stream()
        .filter(name -> Files.isRegularFile(dir.resolve(name)))
        .sorted()
        .toList();
  }

  private static long sizeOf(Path file) {
    try {
      return Files.exists(file) ? Files.size(file) : 0;
    } catch (IOException e) {
      return 0;
    }
  }

  /** Upstream reads the existing manifest with {@code json.load}; invalid JSON counts as none. */
  private static Node looseJson(byte[] bytes) {
    try {
      return JsonReader.read(new String(bytes, StandardCharsets.UTF_8), JsonDialect.PYTHON);
    } catch (JsonSyntaxException e) {
      return null;
    }
  }

  /** {@code gen_manifest.py}'s rule: the first stripped line starting {@code version} with a =. */
  static String cargoVersion(Path cargoToml) {
    List<String> lines;
    try {
      lines = Files.readAllLines(cargoToml, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return null;
    }
    for (String line : lines) {
      String stripped = line.strip();
      if (stripped.startsWith("version") && stripped.contains("=")) {
        String value = stripped.substring(stripped.indexOf('=') + 1).strip();
        value = value.replaceAll("^\"+|\"+$", "");
        return value.isEmpty() ? null : value;
      }
    }
    return null;
  }

  @Override
  public ManifestCheckResult check(CheckManifestRequest request) {
    String shown = PythonPath.normalize(request.manifestAsGiven());
    CatalogCheck catalog = CatalogReader.read(request.manifest(), shown);
    if (!catalog.ok()) {
      return new ManifestCheckResult(
          null, validationErrors(catalog.diagnostics(), "ProfileManifest"), catalog.diagnostics());
    }
    HistoryCheck history = null;
    if (request.previous() != null) {
      String previousShown = PythonPath.normalize(request.previousAsGiven());
      CatalogCheck previous = CatalogReader.read(request.previous(), previousShown);
      if (!previous.ok()) {
        return new ManifestCheckResult(
            null,
            "the previous catalog "
                + previousShown
                + " is invalid: "
                + validationErrors(previous.diagnostics(), "ProfileManifest"),
            previous.diagnostics());
      }
      history =
          new HistoryCheck(
              previousShown, CatalogHistory.compare(previous.catalog(), catalog.catalog(), shown));
    }
    try {
      CheckOptions options;
      if (request.download()) {
        Path dir = request.downloadDir();
        String dirShown;
        if (dir == null) {
          dir = Files.createTempDirectory("capsem-manifest-check-");
          dirShown = dir.toString();
        } else {
          dirShown = PythonPath.normalize(request.downloadDirAsGiven());
        }
        options =
            CheckOptions.download(
                    dir, dirShown, request.publicKey(), request.allowLegacySignatures())
                .withCatalogFile(request.manifest());
      } else {
        options = CheckOptions.fast();
      }
      CheckReport report =
          new ManifestChecker(ports.hasher(), ports.verifier(), ports.http())
              .check(catalog.catalog(), shown, options, history);
      return new ManifestCheckResult(
          report, null, history == null ? List.of() : history.diagnostics());
    } catch (IOException e) {
      return new ManifestCheckResult(
          null, "cannot use the download folder: " + e.getMessage(), List.of());
    }
  }

  private static String validationErrors(List<Diagnostic> diagnostics, String model) {
    long count = diagnostics.stream().filter(Diagnostic::isError).count();
    return count + (count == 1 ? " validation error" : " validation errors") + " for " + model;
  }

  @Override
  public Resolution resolve(ResolveRequest request) {
    String shown = PythonPath.normalize(request.manifestAsGiven());
    ObjectNode.Builder report =
        ObjectNode.builder()
            .put("schema", Resolution.SCHEMA)
            .put("ok", false)
            .put("manifest_path", shown)
            .put("binary_version", request.binaryVersion());
    if (request.arch() != null) {
      report.put("arch", request.arch());
    }
    AssetManifestCheck manifest = AssetManifestReader.read(request.manifest(), shown);
    if (!manifest.ok()) {
      report.put("diagnostics", DiagnosticJson.array(manifest.diagnostics()));
      return new Resolution(null, manifest.diagnostics(), report.build());
    }
    BootDecision decision =
        AssetGate.resolve(
            manifest.manifest(), new BootRequest(request.binaryVersion(), request.arch()));
    List<Diagnostic> diagnostics = new ArrayList<>();
    if (decision instanceof BootDecision.Boot boot) {
      report.put("ok", true).put("asset_version", boot.assetVersion());
      ObjectNode.Builder arches = ObjectNode.builder();
      for (Map.Entry<String, Map<String, AssetFile>> arch : boot.arches().entrySet()) {
        ObjectNode.Builder files = ObjectNode.builder();
        arch.getValue()
            .forEach(
                (name, file) ->
                    files.put(
                        name,
                        ObjectNode.builder()
                            .put("hash", file.hash())
                            .put("size", file.size())
                            .build()));
        arches.put(arch.getKey(), files.build());
      }
      report.put("arches", arches.build());
      boot.warnings().forEach(w -> diagnostics.add(w.inFile(shown)));
    } else if (decision instanceof BootDecision.Refused refused) {
      diagnostics.add(
          Diagnostic.of(refused.refusal().code(), shown, "", null, refused.refusal().message()));
    }
    report.put("diagnostics", DiagnosticJson.array(diagnostics));
    return new Resolution(decision, diagnostics, report.build());
  }

  @Override
  public SignResult sign(SignManifestRequest request) {
    String manifestShown = PythonPath.normalize(request.manifestAsGiven());
    String keyShown = PythonPath.normalize(request.keyAsGiven());
    Path signature =
        request.signature() != null
            ? request.signature()
            : Signer.defaultSignatureFile(request.manifest());
    String signatureShown =
        request.signature() != null
            ? PythonPath.normalize(request.signatureAsGiven())
            : manifestShown + Signer.SIGNATURE_SUFFIX;
    long timestamp = Math.max(0, ports.clock().instant().getEpochSecond());
    SignatureComments comments =
        SignatureComments.defaults(request.manifest().getFileName().toString(), timestamp);
    try {
      ports
          .signer()
          .signFile(request.manifest(), request.key(), request.password(), comments, signature);
    } catch (SigningException e) {
      String reason =
          e.kind() == SignatureFailureKind.PASSWORD_REQUIRED
              ? "key is encrypted; pass --password-file"
              : e.getMessage();
      return new SignResult(null, List.of(), "manifest signing failed: " + reason, e.kind());
    } catch (IOException e) {
      return new SignResult(
          null,
          List.of(),
          "manifest signing failed: " + describe(e),
          SignatureFailureKind.UNREADABLE);
    }
    ObjectNode report =
        ObjectNode.builder()
            .put("schema", SignResult.SCHEMA)
            .put("ok", true)
            .put("manifest_path", manifestShown)
            .put("signature_path", signatureShown)
            .put("key_path", keyShown)
            .put(
                "command",
                ArrayNode.ofStrings(
                    List.of(
                        "minisign",
                        "-S",
                        "-s",
                        keyShown,
                        "-m",
                        manifestShown,
                        "-x",
                        signatureShown)))
            .build();
    return new SignResult(
        report, List.of("signed " + manifestShown, "signature: " + signatureShown), null, null);
  }

  private static String describe(IOException e) {
    if (e instanceof java.nio.file.NoSuchFileException) {
      return "no such file: " + e.getMessage();
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }

  @Override
  public SignatureCheck verifySignature(VerifySignatureRequest request) {
    String manifestShown = PythonPath.normalize(request.manifestAsGiven());
    String signatureShown = PythonPath.normalize(request.signatureAsGiven());
    String keyShown = PythonPath.normalize(request.publicKeyAsGiven());
    VerifyOptions options = VerifyOptions.cli().namingSignature(signatureShown);
    SignatureVerification result =
        ports
            .verifier()
            .verifyFiles(
                request.manifest(),
                request.signature(),
                request.publicKey(),
                request.allowLegacySignatures() ? options.allowingLegacy() : options);
    ObjectNode.Builder report =
        ObjectNode.builder()
            .put("schema", SignatureCheck.SCHEMA)
            .put("ok", result.ok())
            .put("manifest_path", manifestShown)
            .put("signature_path", signatureShown)
            .put("pubkey_path", keyShown)
            .put(
                "command",
                ArrayNode.ofStrings(
                    List.of(
                        "minisign", "-Vm", manifestShown, "-x", signatureShown, "-p", keyShown)));
    if (!result.ok()) {
      report.put("failure", "verification_failed");
    }
    report.put("message", result.message());
    return new SignatureCheck(result.ok(), result.message(), report.build());
  }

  private LocalDate today() {
    return LocalDate.now(ports.clock());
  }
}
