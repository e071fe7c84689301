package dev.capsem.core.internal.manifest;

import dev.capsem.core.diag.Diagnostic;
import dev.capsem.core.internal.profile.ArchAssets;
import dev.capsem.core.internal.profile.AssetDeclaration;
import dev.capsem.core.internal.profile.Profile;
import dev.capsem.core.internal.profile.ProfileCheck;
import dev.capsem.core.internal.profile.ProfileReader;
import dev.capsem.core.internal.report.PythonPath;
import dev.capsem.core.internal.schema.InputDocument;
import dev.capsem.core.ports.Hasher;
import dev.capsem.core.ports.HttpFetcher;
import dev.capsem.core.ports.SignatureVerification;
import dev.capsem.core.ports.SignatureVerifier;
import dev.capsem.core.ports.VerifyOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code manifest check}: every location of every revision of a catalog, all revisions regardless
 * of status, in catalog order (spec §3). Fast mode looks (local files, {@code HEAD}); download mode
 * fetches, hashes and verifies everything a client would boot.
 *
 * <p>Ours (beyond upstream): downloads go to a staging folder inside the download folder and are
 * moved into place only when every check of their revision passed, so the download folder never
 * holds a file that failed, or a revision that is only partly verified; a failed run leaves nothing
 * behind. Reports give {@code download_path} only for files that were kept.
 */
public final class ManifestChecker {

  /** Profile payloads are small documents; the runtime bounds its catalog the same way. */
  static final long MAX_PAYLOAD_BYTES = 2L * 1024 * 1024;

  /** minisign reads no more of a signature file than this; neither do we. */
  static final long MAX_SIGNATURE_BYTES = 16L * 1024;

  private static final Set<String> PROFILE_CONTENT_TYPES =
      Set.of(
          "application/json",
          "application/octet-stream",
          "application/toml",
          "application/x-toml",
          "text/plain",
          "text/toml",
          "text/x-toml");

  private final Hasher hasher;
  private final SignatureVerifier verifier;
  private final HttpFetcher http;

  public ManifestChecker(Hasher hasher, SignatureVerifier verifier, HttpFetcher http) {
    this.hasher = hasher;
    this.verifier = verifier;
    this.http = http;
  }

  /**
   * Checks every revision.
   *
   * @param manifestShown the catalog as the user named it
   * @param history the {@code --previous} comparison, or {@code null}
   * @throws IOException when the download folder cannot be written
   */
  public CheckReport check(
      ProfileCatalog catalog, String manifestShown, CheckOptions options, HistoryCheck history)
      throws IOException {
    List<RevisionReport> reports = new ArrayList<>();
    if (!options.download()) {
      Fetch fetch = new Fetch(http, hasher, options.timeout(), options.pace());
      forEachRevision(
          catalog,
          (id, revision, record, current) ->
              reports.add(
                  new RevisionReport(
                      id,
                      revision,
                      record.status(),
                      current,
                      List.of(
                          fastPayload(fetch, id, revision, record),
                          fastSignature(fetch, record.profileSignatureUrl())))));
      return new CheckReport("fast", manifestShown, null, reports, history, null);
    }
    CatalogSignature signature = CatalogSignature.verify(verifier, manifestShown, options);
    if (signature != null && !signature.ok()) {
      // Fail closed: nothing an unsigned or badly signed catalog names is fetched.
      return new CheckReport(
          "download", manifestShown, options.downloadDirShown(), List.of(), history, signature);
    }
    Files.createDirectories(options.downloadDir());
    try (StagingFolders.Staging staging = StagingFolders.create(options.downloadDir())) {
      StagingFolders.removeStale(options.downloadDir(), Files.getLastModifiedTime(staging.dir()));
      Fetch fetch = new Fetch(http, hasher, options.timeout(), options.pace());
      IoConsumer consumer =
          (id, revision, record, current) ->
              reports.add(
                  new RevisionDownload(fetch, options, staging.dir(), id, revision)
                      .run(record, current));
      forEachRevision(catalog, consumer);
    }
    return new CheckReport(
        "download", manifestShown, options.downloadDirShown(), reports, history, signature);
  }

  @FunctionalInterface
  private interface IoConsumer {
    void accept(String id, String revision, CatalogRevision record, boolean current)
        throws IOException;
  }

  private static void forEachRevision(ProfileCatalog catalog, IoConsumer consumer)
      throws IOException {
    for (Map.Entry<String, CatalogProfile> profile : catalog.profiles().entrySet()) {
      for (Map.Entry<String, CatalogRevision> revision :
          profile.getValue().revisions().entrySet()) {
        consumer.accept(
            profile.getKey(),
            revision.getKey(),
            revision.getValue(),
            revision.getKey().equals(profile.getValue().currentRevision()));
      }
    }
  }

  // Fast mode.

  private UrlCheck fastPayload(Fetch fetch, String id, String revision, CatalogRevision record)
      throws IOException {
    String url = record.profileUrl();
    String scheme = ManifestUrls.scheme(url);
    UrlCheck.Builder check = new UrlCheck.Builder("profile_payload", url, scheme);
    if (scheme.equals("file")) {
      Path path = ManifestUrls.localPath(url);
      check.expectedHash(record.profileHash());
      if (path == null || !Files.isRegularFile(path)) {
        return check.failed("missing", "profile payload file not found: " + path);
      }
      byte[] payload = Files.readAllBytes(path);
      String actual = "blake3:" + hasher.hex(payload);
      check.contentLength((long) payload.length).actualHash(actual);
      if (!actual.equals(record.profileHash())) {
        return check.failed("hash_mismatch", "profile payload hash does not match manifest");
      }
      return identity(check, payload, path.getFileName().toString(), id, revision);
    }
    Fetch.Outcome<Fetch.Head> head = fetch.head(url);
    if (!head.ok()) {
      return failedFetch(check, head.failure());
    }
    Fetch.Head reply = head.value();
    check
        .statusCode(reply.statusCode())
        .contentLength(reply.contentLength())
        .contentType(reply.contentType());
    if (reply.contentType() != null && !PROFILE_CONTENT_TYPES.contains(reply.contentType())) {
      return check.failed(
          "content_type_mismatch",
          "unexpected profile payload content type: " + reply.contentType());
    }
    return reply.statusCode() < 400 ? check.ok() : check.failed("http_error", null);
  }

  private UrlCheck fastSignature(Fetch fetch, String url) {
    String scheme = ManifestUrls.scheme(url);
    UrlCheck.Builder check = new UrlCheck.Builder("profile_signature", url, scheme);
    if (scheme.equals("file")) {
      Path path = ManifestUrls.localPath(url);
      if (path == null || !Files.isRegularFile(path)) {
        return check.failed("missing", "profile signature file not found: " + path);
      }
      try {
        return check.contentLength(Files.size(path)).ok();
      } catch (IOException e) {
        return check.failed("missing", "profile signature file not readable: " + path);
      }
    }
    Fetch.Outcome<Fetch.Head> head = fetch.head(url);
    if (!head.ok()) {
      return failedFetch(check, head.failure());
    }
    Fetch.Head reply = head.value();
    check
        .statusCode(reply.statusCode())
        .contentLength(reply.contentLength())
        .contentType(reply.contentType());
    return reply.statusCode() < 400 ? check.ok() : check.failed("http_error", null);
  }

  private static UrlCheck failedFetch(UrlCheck.Builder check, Fetch.Failure failure) {
    return check
        .statusCode(failure.statusCode())
        .contentLength(failure.contentLength())
        .contentType(failure.contentType())
        .failed(failure.failure(), failure.message());
  }

  /** Profile V2 validation by file suffix, then the payload's id and revision. */
  private static UrlCheck identity(
      UrlCheck.Builder check, byte[] payload, String fileName, String id, String revision) {
    boolean toml = fileName.toLowerCase(Locale.ROOT).endsWith(".toml");
    ProfileCheck parsed =
        ProfileReader.check(InputDocument.parse(payload, fileName, !toml), fileName);
    if (!parsed.ok()) {
      return check.failed("invalid_payload", validationText(parsed.diagnostics()));
    }
    Profile profile = parsed.profile();
    if (!profile.id().equals(id) || !profile.revision().equals(revision)) {
      return check.failed(
          "identity_mismatch",
          "profile payload is " + profile.reference() + ", expected " + id + "@" + revision);
    }
    return check.ok();
  }

  /** Pydantic's summary line, then each error's location and message. */
  private static String validationText(List<Diagnostic> diagnostics) {
    List<Diagnostic> errors = diagnostics.stream().filter(Diagnostic::isError).toList();
    StringBuilder text =
        new StringBuilder()
            .append(errors.size())
            .append(errors.size() == 1 ? " validation error" : " validation errors")
            .append(" for ProfilePayloadV2");
    for (Diagnostic error : errors) {
      text.append('\n').append(error.path()).append("\n  ").append(error.message());
    }
    return text.toString();
  }

  // Download mode.

  /** The downloads of one revision, kept or discarded together. */
  private final class RevisionDownload {
    private final Fetch fetch;
    private final CheckOptions options;
    private final Path staging;
    private final String id;
    private final String revision;
    private final List<Path[]> staged = new ArrayList<>();
    private int counter;

    RevisionDownload(Fetch fetch, CheckOptions options, Path staging, String id, String revision) {
      this.fetch = fetch;
      this.options = options;
      this.staging = staging;
      this.id = id;
      this.revision = revision;
    }

    RevisionReport run(CatalogRevision record, boolean current) throws IOException {
      List<UrlCheck> checks = new ArrayList<>();
      Path[] payloadFile = new Path[1];
      Profile[] profile = new Profile[1];
      UrlCheck payload = payload(record, payloadFile, profile);
      checks.add(payload);
      checks.add(
          signature(
              "profile_signature",
              record.profileSignatureUrl(),
              null,
              null,
              payload.ok() ? payloadFile[0] : null));
      if (profile[0] != null) {
        for (Map.Entry<String, ArchAssets> arch : profile[0].vm().assets().entrySet()) {
          ArchAssets assets = arch.getValue();
          List<Map.Entry<String, AssetDeclaration>> kinds =
              List.of(
                  Map.entry("kernel", assets.kernel()),
                  Map.entry("initrd", assets.initrd()),
                  Map.entry("rootfs", assets.rootfs()));
          for (Map.Entry<String, AssetDeclaration> kind : kinds) {
            Path[] assetFile = new Path[1];
            UrlCheck asset = asset(arch.getKey(), kind.getKey(), kind.getValue(), assetFile);
            checks.add(asset);
            checks.add(
                signature(
                    "vm_asset_signature",
                    kind.getValue().signatureUrl(),
                    arch.getKey(),
                    kind.getKey(),
                    asset.ok() ? assetFile[0] : null));
          }
        }
      }
      RevisionReport report = new RevisionReport(id, revision, record.status(), current, checks);
      if (report.ok()) {
        String refused = Placement.placeAll(options.downloadDir(), staged, staging);
        if (refused == null) {
          return report;
        }
        checks.add(
            new UrlCheck.Builder(
                    "profile_payload",
                    record.profileUrl(),
                    ManifestUrls.scheme(record.profileUrl()))
                .failed("download_failed", refused));
      }
      for (Path[] move : staged) {
        Files.deleteIfExists(move[0]);
      }
      return new RevisionReport(
          id,
          revision,
          record.status(),
          current,
          checks.stream().map(UrlCheck::withoutDownloadPath).toList());
    }

    private UrlCheck payload(CatalogRevision record, Path[] file, Profile[] profile)
        throws IOException {
      String url = record.profileUrl();
      UrlCheck.Builder check =
          new UrlCheck.Builder("profile_payload", url, ManifestUrls.scheme(url));
      Target target = target("profile_payload", url, null, null);
      Fetch.Outcome<Fetch.Body> fetched = get(url, target, MAX_PAYLOAD_BYTES);
      if (!fetched.ok()) {
        return tooLargeAs(
            check.expectedHash(record.profileHash()), fetched.failure(), "profile payload");
      }
      Fetch.Body body = fetched.value();
      file[0] = target.staged();
      String actual = "blake3:" + body.hash();
      check
          .downloadPath(target.shown())
          .statusCode(body.statusCode())
          .contentLength(body.contentLength())
          .contentType(body.contentType());
      if (!actual.equals(record.profileHash())) {
        return check
            .expectedSize(body.contentLength())
            .actualSize(body.size())
            .expectedHash(record.profileHash())
            .actualHash(actual)
            .failed("hash_mismatch", "profile payload hash does not match manifest");
      }
      check.actualSize(body.size()).expectedHash(record.profileHash()).actualHash(actual);
      byte[] bytes = Files.readAllBytes(target.staged());
      String name = target.finalPath().getFileName().toString();
      boolean toml = name.toLowerCase(Locale.ROOT).endsWith(".toml");
      ProfileCheck parsed = ProfileReader.check(InputDocument.parse(bytes, name, !toml), name);
      if (parsed.ok()) {
        profile[0] = parsed.profile();
      }
      UrlCheck result = identity(check, bytes, name, id, revision);
      if (!result.ok()) {
        profile[0] = null;
      }
      return result;
    }

    private UrlCheck asset(String arch, String kind, AssetDeclaration declared, Path[] file)
        throws IOException {
      String url = declared.url();
      UrlCheck.Builder check =
          new UrlCheck.Builder("vm_asset", url, ManifestUrls.scheme(url))
              .asset(arch, kind)
              .expectedHash(declared.hash())
              .expectedSize(declared.size());
      Target target = target("vm_asset", url, arch, kind);
      Fetch.Outcome<Fetch.Body> fetched = get(url, target, declared.size());
      if (!fetched.ok()) {
        Fetch.Failure failure = fetched.failure();
        if (failure.failure().equals(Fetch.TOO_LARGE)) {
          // Cut off at the declared size: the asset is larger than the profile says.
          return check
              .statusCode(failure.statusCode())
              .contentLength(failure.contentLength())
              .contentType(failure.contentType())
              .failed("size_mismatch", "VM asset size does not match profile declaration");
        }
        return failedFetch(check, failure);
      }
      Fetch.Body body = fetched.value();
      file[0] = target.staged();
      String actual = "blake3:" + body.hash();
      check
          .downloadPath(target.shown())
          .statusCode(body.statusCode())
          .contentLength(body.contentLength())
          .contentType(body.contentType())
          .actualSize(body.size())
          .actualHash(actual);
      if (body.size() != declared.size()) {
        return check.failed("size_mismatch", "VM asset size does not match profile declaration");
      }
      if (!actual.equals(declared.hash())) {
        return check.failed("hash_mismatch", "VM asset hash does not match profile declaration");
      }
      return check.ok();
    }

    private UrlCheck signature(
        String kind, String url, String arch, String assetKind, Path signedFile)
        throws IOException {
      UrlCheck.Builder check = new UrlCheck.Builder(kind, url, ManifestUrls.scheme(url));
      if (arch != null) {
        check.asset(arch, assetKind);
      }
      Target target = target(kind, url, arch, assetKind);
      Fetch.Outcome<Fetch.Body> fetched = get(url, target, MAX_SIGNATURE_BYTES);
      if (!fetched.ok()) {
        return tooLargeAs(check, fetched.failure(), "signature");
      }
      Fetch.Body body = fetched.value();
      check
          .downloadPath(target.shown())
          .statusCode(body.statusCode())
          .contentLength(body.contentLength())
          .contentType(body.contentType())
          .actualSize(body.size());
      if (body.size() == 0) {
        return check.failed("empty_signature", "signature payload is empty");
      }
      if (options.publicKey() != null && signedFile != null) {
        VerifyOptions verify = VerifyOptions.cli().namingSignature(target.shown());
        SignatureVerification result =
            verifier.verifyFiles(
                signedFile,
                target.staged(),
                options.publicKey(),
                options.allowLegacySignatures() ? verify.allowingLegacy() : verify);
        if (!result.ok()) {
          return check.failed("signature_invalid", result.message());
        }
      }
      return check.ok();
    }

    private Fetch.Outcome<Fetch.Body> get(String url, Target target, long limit)
        throws IOException {
      Fetch.Outcome<Fetch.Body> fetched = fetch.get(url, target.staged(), limit);
      if (fetched.ok()) {
        staged.add(new Path[] {target.staged(), target.finalPath()});
      } else {
        Files.deleteIfExists(target.staged());
      }
      return fetched;
    }

    /**
     * Upstream's file name {@code <kind>[-<asset_kind>]-<16 hex of BLAKE3(url)><suffixes>} under
     * {@code <id>/<revision>/[<arch>/]}, and a staging file for it.
     */
    private Target target(String kind, String url, String arch, String assetKind) {
      String name = ManifestUrls.baseName(url, kind);
      String digest =
          hasher.hex(url.getBytes(java.nio.charset.StandardCharsets.UTF_8)).substring(0, 16);
      String fileName =
          kind
              + (assetKind == null ? "" : "-" + assetKind)
              + "-"
              + digest
              + ManifestUrls.safeSuffixes(name);
      String relative = id + "/" + revision + "/" + (arch == null ? "" : arch + "/") + fileName;
      Path finalPath = options.downloadDir().resolve(relative);
      Path stagedFile = staging.resolve(Integer.toString(++counter));
      return new Target(
          stagedFile, finalPath, PythonPath.normalize(options.downloadDirShown() + "/" + relative));
    }
  }

  /** Where a download is staged, where it goes when kept, and how the report names it. */
  private record Target(Path staged, Path finalPath, String shown) {}

  private static UrlCheck tooLargeAs(UrlCheck.Builder check, Fetch.Failure failure, String what) {
    if (failure.failure().equals(Fetch.TOO_LARGE)) {
      return check
          .statusCode(failure.statusCode())
          .contentLength(failure.contentLength())
          .contentType(failure.contentType())
          .failed("download_failed", what + " is too large: " + failure.message());
    }
    return failedFetch(check, failure);
  }
}
