package dev.capsem.core.internal.manifest;

import dev.capsem.core.diag.Code;
import dev.capsem.core.diag.Diagnostic;
import dev.capsem.core.internal.json.ObjectNode;
import dev.capsem.core.internal.profile.Profile;
import dev.capsem.core.internal.profile.ProfileCheck;
import dev.capsem.core.internal.profile.ProfileReader;
import dev.capsem.core.internal.schema.InputDocument;
import dev.capsem.core.ports.Hasher;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * {@code manifest generate}: a profile catalog from a folder of Profile V2 payloads, with
 * upstream's candidate rules, hashes over the raw bytes, URL building, status and current overrides
 * and ordering (spec §1.2). Every problem of every payload is collected before it gives up.
 *
 * @param profilesDir the folder to scan
 * @param profilesDirAsGiven the folder as the user named it (for file names in diagnostics)
 * @param baseUrl the catalog's base URL, or {@code null} for {@code file://} URLs
 * @param statusOverrides {@code id@revision} to status wire name
 * @param currentOverrides profile id to its current revision
 * @param payloadUrls each payload's URLs, or null for those under {@code baseUrl}
 */
public record CatalogGenerator(
    Path profilesDir,
    String profilesDirAsGiven,
    String baseUrl,
    Map<String, String> statusOverrides,
    Map<String, String> currentOverrides,
    PayloadUrls payloadUrls) {

  public CatalogGenerator {
    Objects.requireNonNull(profilesDir, "profilesDir");
    Objects.requireNonNull(profilesDirAsGiven, "profilesDirAsGiven");
    statusOverrides = Map.copyOf(statusOverrides);
    currentOverrides = Map.copyOf(currentOverrides);
  }

  public CatalogGenerator(
      Path profilesDir,
      String profilesDirAsGiven,
      String baseUrl,
      Map<String, String> statusOverrides,
      Map<String, String> currentOverrides) {
    this(profilesDir, profilesDirAsGiven, baseUrl, statusOverrides, currentOverrides, null);
  }

  /**
   * What generation produced.
   *
   * @param document the valid catalog, or {@code null}
   * @param error the reason in one sentence when it failed, as {@code Error: <error>} shows it
   * @param diagnostics every finding (each payload's, duplicates, catalog rules)
   */
  public record Result(ObjectNode document, String error, List<Diagnostic> diagnostics) {

    public Result {
      diagnostics = List.copyOf(diagnostics);
    }

    public boolean ok() {
      return document != null;
    }
  }

  private record Candidate(Path file, String shownAs, Profile profile, byte[] bytes) {}

  public Result generate(Hasher hasher) throws IOException {
    Path root = profilesDir.toRealPath();
    List<Diagnostic> problems = new ArrayList<>();
    List<Candidate> candidates = new ArrayList<>();
    int invalidPayloadErrors = 0;
    for (Path file : candidateFiles(root)) {
      String relative = root.relativize(file).toString().replace('\\', '/');
      String shownAs = profilesDirAsGiven.replaceAll("/+$", "") + "/" + relative;
      byte[] bytes = Files.readAllBytes(file);
      boolean toml = suffix(file.getFileName().toString()).equals(".toml");
      ProfileCheck check = ProfileReader.check(InputDocument.parse(bytes, shownAs, !toml), shownAs);
      if (!check.ok()) {
        List<Diagnostic> errors = check.diagnostics().stream().filter(Diagnostic::isError).toList();
        invalidPayloadErrors += errors.size();
        problems.addAll(errors);
        continue;
      }
      candidates.add(new Candidate(file, shownAs, check.profile(), bytes));
    }
    if (invalidPayloadErrors > 0) {
      return failed(
          invalidPayloadErrors
              + (invalidPayloadErrors == 1 ? " validation error" : " validation errors")
              + " for ProfilePayloadV2",
          problems);
    }
    if (candidates.isEmpty()) {
      String message = "no Profile V2 JSON or TOML payloads found in " + root;
      return failed(
          message, List.of(Diagnostic.of(Code.E407, profilesDirAsGiven, "", null, message)));
    }

    Map<String, Map<String, ObjectNode>> records = new TreeMap<>(CatalogGenerator::compareText);
    Map<String, Map<String, RevisionStatus>> statuses = new LinkedHashMap<>();
    for (Candidate candidate : candidates) {
      Profile profile = candidate.profile();
      Map<String, ObjectNode> revisions =
          records.computeIfAbsent(profile.id(), id -> new LinkedHashMap<>());
      if (revisions.containsKey(profile.revision())) {
        problems.add(
            Diagnostic.of(
                Code.E008,
                candidate.shownAs(),
                "revision",
                null,
                "duplicate profile revision: " + profile.reference()));
        continue;
      }
      String statusName =
          statusOverrides.isEmpty()
              ? "active"
              : statusOverrides.getOrDefault(profile.reference(), "active");
      RevisionStatus status = RevisionStatus.fromWire(statusName);
      if (status == null) {
        problems.add(
            Diagnostic.of(
                Code.E005,
                "--status",
                profile.reference(),
                null,
                "'" + statusName + "' is not a valid ProfileRevisionStatus"));
        continue;
      }
      String url =
          payloadUrls == null ? url(root, candidate.file()) : payloadUrls.url(candidate.file());
      String signatureUrl =
          payloadUrls == null ? url + ".minisig" : payloadUrls.signatureUrl(candidate.file());
      ObjectNode.Builder record =
          ObjectNode.builder()
              .put("status", status.wireName())
              .put("min_binary", profile.compatibility().minBinary());
      String maxBinary = profile.compatibility().maxBinary();
      if (maxBinary != null && !maxBinary.isEmpty()) {
        record.put("max_binary", maxBinary);
      }
      record
          .put("profile_url", url)
          .put("profile_hash", "blake3:" + hasher.hex(candidate.bytes()))
          .put("profile_signature_url", signatureUrl);
      revisions.put(profile.revision(), record.build());
      statuses
          .computeIfAbsent(profile.id(), id -> new LinkedHashMap<>())
          .put(profile.revision(), status);
    }
    if (!problems.isEmpty()) {
      return failed(problems.get(0).message(), problems);
    }

    ObjectNode.Builder profiles = ObjectNode.builder();
    for (Map.Entry<String, Map<String, ObjectNode>> entry : records.entrySet()) {
      String id = entry.getKey();
      String current = currentOverrides.get(id);
      if (current == null) {
        current =
            statuses.get(id).entrySet().stream()
                .filter(e -> e.getValue() == RevisionStatus.ACTIVE)
                .map(Map.Entry::getKey)
                .max(RevisionOrder.NUMERIC)
                .orElse(null);
        if (current == null) {
          String message = "profile '" + id + "' has no active revision";
          problems.add(Diagnostic.of(Code.E408, profilesDirAsGiven, id, null, message));
          continue;
        }
      }
      ObjectNode.Builder revisions = ObjectNode.builder();
      entry.getValue().entrySet().stream()
          .sorted(Map.Entry.comparingByKey(RevisionOrder.NUMERIC))
          .forEach(e -> revisions.put(e.getKey(), e.getValue()));
      profiles.put(
          id,
          ObjectNode.builder()
              .put("current_revision", current)
              .put("revisions", revisions.build())
              .build());
    }
    if (!problems.isEmpty()) {
      return failed(problems.get(0).message(), problems);
    }
    ObjectNode document =
        ObjectNode.builder()
            .put("format", ProfileCatalog.FORMAT)
            .put("profiles", profiles.build())
            .build();
    CatalogCheck check = CatalogReader.check(document, "manifest");
    if (!check.ok()) {
      return failed(
          check.diagnostics().size()
              + (check.diagnostics().size() == 1 ? " validation error" : " validation errors")
              + " for ProfileManifest",
          check.diagnostics());
    }
    return new Result(check.document(), null, List.of());
  }

  private static Result failed(String error, List<Diagnostic> diagnostics) {
    return new Result(null, error, diagnostics);
  }

  /**
   * Every regular file under {@code root} (hidden ones too; linked files followed, linked folders
   * not entered) whose last suffix is {@code .json} or {@code .toml} in any case and whose name
   * does not end in {@code .minisig}, in pathlib's sort order (part by part).
   */
  static List<Path> candidateFiles(Path root) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(p -> !p.equals(root))
          .filter(Files::isRegularFile)
          .filter(p -> Set.of(".json", ".toml").contains(suffix(p.getFileName().toString())))
          .filter(p -> !p.getFileName().toString().endsWith(".minisig"))
          .sorted(CatalogGenerator::comparePartByPart)
          .toList();
    }
  }

  private static int comparePartByPart(Path a, Path b) {
    for (int i = 0; i < Math.min(a.getNameCount(), b.getNameCount()); i++) {
      int order = compareText(a.getName(i).toString(), b.getName(i).toString());
      if (order != 0) {
        return order;
      }
    }
    return Integer.compare(a.getNameCount(), b.getNameCount());
  }

  /** pathlib's {@code suffix}, lower-cased: a leading dot or a trailing dot gives none. */
  static String suffix(String name) {
    int dot = name.lastIndexOf('.');
    if (dot <= 0 || dot == name.length() - 1) {
      return "";
    }
    return name.substring(dot).toLowerCase(Locale.ROOT);
  }

  private String url(Path root, Path file) {
    if (baseUrl == null) {
      return "file://" + quote(file.toString(), true);
    }
    String relative = root.relativize(file).toString().replace('\\', '/');
    List<String> encoded = new ArrayList<>();
    for (String segment : relative.split("/", -1)) {
      encoded.add(quote(segment, false));
    }
    return baseUrl.replaceAll("/+$", "") + "/" + String.join("/", encoded);
  }

  /**
   * Python's {@code urllib.parse.quote}: letters, digits and {@code _.-~} stay (and {@code /} when
   * {@code keepSlash}), every other UTF-8 byte becomes {@code %XX} in upper case.
   */
  static String quote(String text, boolean keepSlash) {
    StringBuilder out = new StringBuilder();
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xFF;
      boolean safe =
          (c >= 'A' && c <= 'Z')
              || (c >= 'a' && c <= 'z')
              || (c >= '0' && c <= '9')
              || c == '_'
              || c == '.'
              || c == '-'
              || c == '~'
              || (keepSlash && c == '/');
      if (safe) {
        out.append((char) c);
      } else {
        out.append('%').append(String.format(Locale.ROOT, "%02X", c));
      }
    }
    return out.toString();
  }

  /** Python's string order: code point by code point. */
  private static int compareText(String a, String b) {
    return Arrays.compare(a.codePoints().toArray(), b.codePoints().toArray());
  }
}
