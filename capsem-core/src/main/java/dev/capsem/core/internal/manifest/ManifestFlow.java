package dev.capsem.core.internal.manifest;

import dev.capsem.core.diag.Code;
import dev.capsem.core.diag.Diagnostic;
import dev.capsem.core.diag.GivenPath;
import dev.capsem.core.diag.Outcome;
import dev.capsem.core.diag.TextReport;
import dev.capsem.core.internal.json.ArrayNode;
import dev.capsem.core.internal.json.JsonDialect;
import dev.capsem.core.internal.json.JsonPrinter;
import dev.capsem.core.internal.json.JsonReader;
import dev.capsem.core.internal.json.JsonSyntaxException;
import dev.capsem.core.internal.json.Node;
import dev.capsem.core.internal.json.ObjectNode;
import dev.capsem.core.internal.report.GeneratedReport;
import dev.capsem.core.internal.report.PythonPath;
import dev.capsem.core.ports.FileAccess;
import dev.capsem.core.ports.Hasher;
import dev.capsem.core.ports.HttpFetcher;
import dev.capsem.core.ports.PasswordSource;
import dev.capsem.core.ports.SignatureComments;
import dev.capsem.core.ports.SignatureFailureKind;
import dev.capsem.core.ports.SignatureVerification;
import dev.capsem.core.ports.SignatureVerifier;
import dev.capsem.core.ports.Signer;
import dev.capsem.core.ports.SigningException;
import dev.capsem.core.ports.VerifyOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The manifest use cases: the profile catalog (format 1) and the asset manifest (format 2), the
 * catalog check, the boot resolution, and manifest signatures.
 */
public final class ManifestFlow {

  private final Hasher hasher;
  private final FileAccess files;
  private final Clock clock;
  private final SignatureVerifier verifier;
  private final Signer signer;
  private final HttpFetcher http;

  public ManifestFlow(
      Hasher hasher,
      FileAccess files,
      Clock clock,
      SignatureVerifier verifier,
      Signer signer,
      HttpFetcher http) {
    this.hasher = hasher;
    this.files = files;
    this.clock = clock;
    this.verifier = verifier;
    this.signer = signer;
    this.http = http;
  }

  /** Writes (or prints, when {@code out} is null) the profile catalog of a folder. */
  public Outcome<TextReport> generateCatalog(
      GivenPath profilesDir,
      String baseUrl,
      Map<String, String> statuses,
      Map<String, String> currents,
      GivenPath out,
      boolean force) {
    return generateCatalog(profilesDir, baseUrl, null, statuses, currents, out, force);
  }

  /** The same with each payload's URLs from {@code payloadUrls} (null: under the base URL). */
  public Outcome<TextReport> generateCatalog(
      GivenPath profilesDir,
      String baseUrl,
      PayloadUrls payloadUrls,
      Map<String, String> statuses,
      Map<String, String> currents,
      GivenPath out,
      boolean force) {
    CatalogGenerator.Result result;
    try {
      result =
          new CatalogGenerator(
                  profilesDir.path(), profilesDir.shown(), baseUrl, statuses, currents, payloadUrls)
              .generate(hasher);
    } catch (IOException e) {
      return Outcome.failed(
          "cannot read " + profilesDir.shown() + ": " + e.getMessage(), List.of());
    }
    if (!result.ok()) {
      return Outcome.failed(
          result.error() == null ? "cannot generate the profile catalog" : result.error(),
          result.diagnostics());
    }
    String text = JsonPrinter.pretty().printLine(result.document());
    if (out == null) {
      return Outcome.of(new TextReport(GeneratedReport.printed(text), text));
    }
    String shown = PythonPath.normalize(out.shown());
    if (files.isFile(out.path()) && !force) {
      return Outcome.failed(shown + " already exists; pass --force to overwrite", List.of());
    }
    try {
      files.writeText(out.path(), text);
    } catch (IOException e) {
      return Outcome.failed("cannot write " + shown + ": " + e.getMessage(), List.of());
    }
    String created = "created " + shown;
    return Outcome.of(
        new TextReport(
            GeneratedReport.written(List.of(shown), List.of(created)),
            created + "\n",
            List.of(
                created
                    + ", the profile catalog of "
                    + PythonPath.normalize(profilesDir.shown()))));
  }

  /**
   * Writes the format-2 asset manifest of an assets folder, dated by the clock.
   *
   * @param out the manifest to write, or null for {@code <assetsDir>/manifest.json}
   * @param binaryVersion the binary version, or null to read it from {@code cargoToml}
   */
  public Outcome<TextReport> assetManifest(
      GivenPath assetsDir,
      GivenPath out,
      String binaryVersion,
      Path cargoToml,
      String minBinary,
      boolean merge) {
    Path dir = assetsDir.path();
    Path target = out != null ? out.path() : dir.resolve("manifest.json");
    String shown =
        out != null ? out.shown() : assetsDir.shown().replaceAll("/+$", "") + "/manifest.json";
    if (binaryVersion == null || binaryVersion.isBlank()) {
      binaryVersion = cargoToml == null ? null : cargoVersion(cargoToml);
      if (binaryVersion == null) {
        String where =
            cargoToml == null ? "no Cargo.toml given" : "Could not find version in Cargo.toml";
        return Outcome.failed(
            "the binary version is unknown",
            List.of(
                Diagnostic.of(
                    Code.E409,
                    cargoToml == null ? null : cargoToml.toString(),
                    "version",
                    null,
                    where + "; pass the binary version (--binary-version)")));
      }
    }
    try {
      Node existing = null;
      AssetManifest merged = null;
      if (Files.isRegularFile(target)) {
        existing = looseJson(Files.readAllBytes(target));
        if (merge) {
          AssetManifestCheck check = AssetManifestReader.read(target, shown);
          if (!check.ok()) {
            return Outcome.failed(
                "cannot merge into " + shown + ": it is not a valid format-2 manifest",
                check.diagnostics());
          }
          merged = check.manifest();
        }
      }
      List<B3Sums.Line> lines = b3sums(dir);
      AssetManifestDraft.Built built =
          new AssetManifestDraft(lines, binaryVersion, minBinary, LocalDate.now(clock))
              .build(existing, merged, path -> sizeOf(dir.resolve(path)));
      files.writeText(target, built.text());
      String line =
          "manifest.json: "
              + shown
              + " (assets "
              + built.assetVersion()
              + ", binary "
              + binaryVersion
              + ", "
              + built.assetCount()
              + " assets)";
      return Outcome.of(
          new TextReport(
              GeneratedReport.written(List.of(PythonPath.normalize(shown)), List.of(line)),
              "  " + line + "\n",
              List.of(line)));
    } catch (IOException e) {
      return Outcome.failed(
          "cannot write the asset manifest " + shown + ": " + e.getMessage(), List.of());
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
            new B3Sums.Line(hasher.hexOfFile(arch.resolve(name)), arch.getFileName() + "/" + name));
      }
    }
    if (lines.isEmpty()) {
      for (String name : bootFilesIn(dir)) {
        lines.add(new B3Sums.Line(hasher.hexOfFile(dir.resolve(name)), name));
      }
    }
    files.writeText(file, B3Sums.format(lines));
    return lines;
  }

  private static List<String> bootFilesIn(Path dir) {
    return AssetNames.BOOT_FILES.stream()
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
  public static String cargoVersion(Path cargoToml) {
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

  /**
   * Checks every location of a catalog, fast or by downloading (into {@code downloadDir}, a
   * temporary folder when null), optionally against the previous catalog.
   */
  public Outcome<TextReport> check(
      GivenPath manifest,
      boolean download,
      GivenPath downloadDir,
      Path publicKey,
      boolean allowLegacySignatures,
      GivenPath previous) {
    String shown = PythonPath.normalize(manifest.shown());
    CatalogCheck catalog = CatalogReader.read(manifest.path(), shown);
    if (!catalog.ok()) {
      return Outcome.failed(
          validationErrors(catalog.diagnostics(), "ProfileManifest"), catalog.diagnostics());
    }
    HistoryCheck history = null;
    if (previous != null) {
      String previousShown = PythonPath.normalize(previous.shown());
      CatalogCheck before = CatalogReader.read(previous.path(), previousShown);
      if (!before.ok()) {
        return Outcome.failed(
            "the previous catalog "
                + previousShown
                + " is invalid: "
                + validationErrors(before.diagnostics(), "ProfileManifest"),
            before.diagnostics());
      }
      history =
          new HistoryCheck(
              previousShown, CatalogHistory.compare(before.catalog(), catalog.catalog(), shown));
    }
    CheckReport report;
    try {
      CheckOptions options = CheckOptions.fast();
      if (download) {
        Path dir = downloadDir == null ? null : downloadDir.path();
        String dirShown;
        if (dir == null) {
          dir = Files.createTempDirectory("capsem-manifest-check-");
          dirShown = dir.toString();
        } else {
          dirShown = PythonPath.normalize(downloadDir.shown());
        }
        options =
            CheckOptions.download(dir, dirShown, publicKey, allowLegacySignatures)
                .withCatalogFile(manifest.path());
      }
      report =
          new ManifestChecker(hasher, verifier, http)
              .check(catalog.catalog(), shown, options, history);
    } catch (IOException e) {
      return Outcome.failed("cannot use the download folder: " + e.getMessage(), List.of());
    }
    List<Diagnostic> diagnostics = history == null ? List.of() : history.diagnostics();
    List<String> summary = new ArrayList<>(report.summary());
    if (report.ok()) {
      summary.add(
          "manifest "
              + shown
              + " passed"
              + (download
                  ? " (downloaded, hashed" + (publicKey == null ? ")" : ", signatures verified)")
                  : ""));
    }
    return Outcome.checked(
        new TextReport(
            JsonPrinter.pretty().printLine(report.toJson()),
            TextReport.lines(report.summary()),
            report.failures(),
            summary,
            false),
        report.ok(),
        diagnostics,
        "manifest " + shown + " failed its checks");
  }

  private static String validationErrors(List<Diagnostic> diagnostics, String model) {
    long count = diagnostics.stream().filter(Diagnostic::isError).count();
    return count + (count == 1 ? " validation error" : " validation errors") + " for " + model;
  }

  /**
   * Signs a manifest (prehashed minisign {@code ED}, trusted comment timestamped by the clock).
   *
   * @param signature where the signature goes, or null for {@code <manifest>.minisig}
   */
  public Outcome<TextReport> sign(
      GivenPath manifest, GivenPath key, GivenPath signature, PasswordSource password) {
    String manifestShown = PythonPath.normalize(manifest.shown());
    String keyShown = PythonPath.normalize(key.shown());
    Path target =
        signature != null ? signature.path() : Signer.defaultSignatureFile(manifest.path());
    String signatureShown =
        signature != null
            ? PythonPath.normalize(signature.shown())
            : manifestShown + Signer.SIGNATURE_SUFFIX;
    long timestamp = Math.max(0, clock.instant().getEpochSecond());
    SignatureComments comments =
        SignatureComments.defaults(manifest.path().getFileName().toString(), timestamp);
    try {
      signer.signFile(manifest.path(), key.path(), password, comments, target);
    } catch (SigningException e) {
      return Outcome.failed(
          "manifest signing failed: "
              + (e.kind() == SignatureFailureKind.PASSWORD_REQUIRED
                  ? "key is encrypted"
                  : e.getMessage()),
          List.of(SigningFailures.of(e, keyShown)));
    } catch (IOException e) {
      return Outcome.failed(
          "manifest signing failed: " + SigningFailures.describe(e),
          List.of(Diagnostic.of(Code.E421, keyShown, "", null, SigningFailures.describe(e))));
    }
    ObjectNode report =
        ObjectNode.builder()
            .put("schema", "capsem.manifest-sign.v1")
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
    List<String> lines = List.of("signed " + manifestShown, "signature: " + signatureShown);
    return Outcome.of(
        new TextReport(JsonPrinter.pretty().printLine(report), TextReport.lines(lines), lines));
  }

  /** Verifies a manifest's signature with minisign's rules and texts. */
  public Outcome<TextReport> verifySignature(
      GivenPath manifest, GivenPath signature, GivenPath publicKey, boolean allowLegacy) {
    String manifestShown = PythonPath.normalize(manifest.shown());
    String signatureShown = PythonPath.normalize(signature.shown());
    String keyShown = PythonPath.normalize(publicKey.shown());
    VerifyOptions options = VerifyOptions.cli().namingSignature(signatureShown);
    SignatureVerification result =
        verifier.verifyFiles(
            manifest.path(),
            signature.path(),
            publicKey.path(),
            allowLegacy ? options.allowingLegacy() : options);
    ObjectNode.Builder report =
        ObjectNode.builder()
            .put("schema", "capsem.manifest-signature-verification.v1")
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
    String json = JsonPrinter.pretty().printLine(report.build());
    if (!result.ok()) {
      return Outcome.checked(
          new TextReport(json, "", List.of(result.message()), List.of(), false),
          false,
          List.of(),
          result.message());
    }
    return Outcome.of(
        new TextReport(
            json,
            "verified " + manifestShown + "\n",
            List.of("verified " + manifestShown + " against " + keyShown)));
  }
}
