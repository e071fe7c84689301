package dev.capsem.core.internal.signing;

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
import dev.capsem.core.internal.manifest.SigningFailures;
import dev.capsem.core.internal.report.GeneratedReport;
import dev.capsem.core.internal.report.PythonPath;
import dev.capsem.core.ports.FileAccess;
import dev.capsem.core.ports.Hasher;
import dev.capsem.core.ports.KeyId;
import dev.capsem.core.ports.KeyProtection;
import dev.capsem.core.ports.PasswordSource;
import dev.capsem.core.ports.SignatureComments;
import dev.capsem.core.ports.SignatureFailureKind;
import dev.capsem.core.ports.Signer;
import dev.capsem.core.ports.SigningException;
import dev.capsem.core.ports.SigningKey;
import dev.capsem.core.ports.SigningKeyGenerator;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Signing a release's files with one key, making key pairs, hashing files. */
public final class SigningFlow {

  /** The record of what was signed, beside the public key: unchanged files keep their signature. */
  public static final String RECORD = "signatures.json";

  public static final String PUBLIC_KEY_FILE = "minisign.pub";
  public static final String SECRET_KEY_FILE = "minisign.key";

  private final Hasher hasher;
  private final FileAccess files;
  private final Clock clock;
  private final Signer signer;
  private final SigningKeyGenerator keys;

  public SigningFlow(
      Hasher hasher, FileAccess files, Clock clock, Signer signer, SigningKeyGenerator keys) {
    this.hasher = hasher;
    this.files = files;
    this.clock = clock;
    this.signer = signer;
    this.keys = keys;
  }

  /** Opens a secret key when a signature must be written. */
  @FunctionalInterface
  public interface KeyOpener {
    SigningKey open() throws IOException, SigningException;
  }

  /**
   * Signs every file with one key (opened once, and only when a signature must be written), keeping
   * unchanged signatures, and writes the public key ({@code capsem.release-signatures.v1}).
   */
  public Outcome<TextReport> signFiles(
      GivenPath key, PasswordSource password, List<GivenPath> toSignAll, GivenPath publicKey) {
    return signFiles(key, () -> signer.open(key.path(), password), true, toSignAll, publicKey);
  }

  /**
   * The same with a key {@code opener} gives (a release opens its key once for every signature and
   * its provenance); the opened key is closed here only when {@code close} is true. The signature
   * record keeps the files of earlier calls, so that a release signing in several steps finds every
   * unchanged signature the next time.
   *
   * @param key the key file, whose hash tells whether the recorded signatures are this key's
   */
  public Outcome<TextReport> signFiles(
      GivenPath key,
      KeyOpener opener,
      boolean close,
      List<GivenPath> toSignAll,
      GivenPath publicKey) {
    Path recordFile = publicKey.path().resolveSibling(RECORD);
    String keyShown = PythonPath.normalize(key.shown());
    String publicShown = PythonPath.normalize(publicKey.shown());
    try {
      String keyHash = hasher.hex(files.read(key.path()));
      ObjectNode previous = readRecord(recordFile);
      String previousPublic =
          files.isFile(publicKey.path()) ? files.readText(publicKey.path()) : null;
      boolean sameKey =
          previous != null
              && keyHash.equals(previous.string("key"))
              && previousPublic != null
              && previousPublic.equals(previous.string("public_key"));
      ObjectNode previousFiles = sameKey ? previous.object("files") : ObjectNode.empty();
      List<GivenPath> toSign = new ArrayList<>();
      Map<String, String> fileHashes = new LinkedHashMap<>();
      Map<GivenPath, String> entries = new LinkedHashMap<>();
      for (GivenPath file : toSignAll) {
        String recorded = recordKey(recordFile, file.path());
        entries.put(file, recorded);
        String hash = hasher.hexOfFile(file.path());
        fileHashes.put(recorded, hash);
        Path signature = Signer.defaultSignatureFile(file.path());
        ObjectNode was = previousFiles.object(recorded);
        boolean unchanged =
            hash.equals(was.string("hash"))
                && Files.isRegularFile(signature)
                && hasher.hex(Files.readAllBytes(signature)).equals(was.string("signature"));
        if (!unchanged) {
          toSign.add(file);
        }
      }
      String publicText = previousPublic;
      if (!toSign.isEmpty()) {
        long timestamp = Math.max(0, clock.instant().getEpochSecond());
        SigningKey opened = opener.open();
        try {
          publicText = opened.publicKeyText();
          for (GivenPath file : toSign) {
            opened.signFile(
                file.path(),
                SignatureComments.defaults(file.path().getFileName().toString(), timestamp),
                Signer.defaultSignatureFile(file.path()));
          }
        } finally {
          if (close) {
            opened.close();
          }
        }
        if (!publicText.equals(previousPublic)) {
          files.writeText(publicKey.path(), publicText);
        }
      }
      List<String> signed = new ArrayList<>();
      List<String> kept = new ArrayList<>();
      List<Node> rows = new ArrayList<>();
      ObjectNode.Builder recorded = ObjectNode.builder();
      if (publicText != null && publicText.equals(previousPublic)) {
        for (ObjectNode.Member earlier : previousFiles.entries()) {
          if (!fileHashes.containsKey(earlier.key())) {
            recorded.put(earlier.key(), earlier.value());
          }
        }
      }
      for (GivenPath file : toSignAll) {
        String shown = PythonPath.normalize(file.shown());
        String entry = entries.get(file);
        String signatureShown = shown + Signer.SIGNATURE_SUFFIX;
        boolean fresh = toSign.contains(file);
        (fresh ? signed : kept).add(signatureShown);
        Path signature = Signer.defaultSignatureFile(file.path());
        recorded.put(
            entry,
            ObjectNode.builder()
                .put("hash", fileHashes.get(entry))
                .put("signature", hasher.hex(Files.readAllBytes(signature)))
                .build());
        rows.add(
            ObjectNode.builder()
                .put("file", shown)
                .put("signature", signatureShown)
                .put("status", fresh ? "signed" : "kept")
                .build());
      }
      files.writeText(
          recordFile,
          JsonPrinter.pretty()
              .printLine(
                  ObjectNode.builder()
                      .put("schema", "capsem.signature-record.v1")
                      .put("key", keyHash)
                      .put("public_key", publicText)
                      .put("files", recorded.build())
                      .build()));
      String report =
          JsonPrinter.pretty()
              .printLine(
                  ObjectNode.builder()
                      .put("schema", "capsem.release-signatures.v1")
                      .put("ok", true)
                      .put("key_path", keyShown)
                      .put("public_key_path", publicShown)
                      .put("signatures", ArrayNode.of(rows))
                      .build());
      List<String> summary = new ArrayList<>();
      signed.forEach(signature -> summary.add("signed: " + signature));
      summary.add(
          "signatures: "
              + signed.size()
              + " written, "
              + kept.size()
              + " unchanged"
              + (signed.isEmpty() ? " (the key was not opened)" : "")
              + "; public key "
              + publicShown);
      return Outcome.of(new TextReport(report, TextReport.lines(summary), summary));
    } catch (SigningException e) {
      return Outcome.failed(
          "signing failed: " + e.getMessage(), List.of(SigningFailures.of(e, keyShown)));
    } catch (NoSuchFileException e) {
      return Outcome.failed("signing failed: no such file: " + e.getMessage(), List.of());
    } catch (IOException e) {
      return Outcome.failed("signing failed: " + e.getMessage(), List.of());
    }
  }

  /**
   * A signed file's name in the record: its path from the record's folder, with {@code /}. The
   * record is published with a release, so it names files as the release lays them out, never by
   * the folder (or working directory) the release was made in.
   */
  private static String recordKey(Path recordFile, Path file) {
    Path from = recordFile.toAbsolutePath().normalize().getParent();
    Path relative = from.relativize(file.toAbsolutePath().normalize());
    StringBuilder key = new StringBuilder();
    for (Path name : relative) {
      key.append(key.length() == 0 ? "" : "/").append(name);
    }
    return key.toString();
  }

  /** The signature record, or null when there is none or it cannot be read. */
  private ObjectNode readRecord(Path file) {
    try {
      if (files.isFile(file)
          && JsonReader.read(files.readText(file), JsonDialect.PYTHON) instanceof ObjectNode root
          && "capsem.signature-record.v1".equals(root.string("schema"))) {
        return root;
      }
    } catch (IOException | JsonSyntaxException | RuntimeException e) {
      return null;
    }
    return null;
  }

  /** Writes a new minisign key pair; the text names both files and the key id. */
  public Outcome<TextReport> generateKeys(
      GivenPath outDir, boolean unencrypted, PasswordSource password, boolean force) {
    String dirShown = PythonPath.normalize(outDir.shown());
    String publicShown = PythonPath.normalize(dirShown + "/" + PUBLIC_KEY_FILE);
    String secretShown = PythonPath.normalize(dirShown + "/" + SECRET_KEY_FILE);
    Path publicKey = outDir.path().resolve(PUBLIC_KEY_FILE);
    Path secretKey = outDir.path().resolve(SECRET_KEY_FILE);
    KeyProtection protection =
        unencrypted ? KeyProtection.unencrypted() : KeyProtection.scrypt(password);
    try {
      Files.createDirectories(outDir.path());
      // With --force the new pair replaces the old one atomically (the old is kept until then).
      KeyId id = keys.generateFiles(publicKey, secretKey, protection, force);
      List<String> lines =
          List.of(
              "created " + publicShown,
              "created " + secretShown + (unencrypted ? " (unencrypted)" : ""),
              "key id: " + id.hex());
      return Outcome.of(
          new TextReport(
              GeneratedReport.written(List.of(publicShown, secretShown), lines),
              TextReport.lines(lines),
              lines));
    } catch (FileAlreadyExistsException e) {
      return Outcome.failed(
          (Files.exists(secretKey) ? secretShown : publicShown)
              + " already exists; pass --force to overwrite",
          List.of());
    } catch (SigningException e) {
      return Outcome.failed(
          e.kind() == SignatureFailureKind.PASSWORD_REQUIRED
              ? "the secret key is encrypted and no password was given"
              : e.getMessage(),
          List.of());
    } catch (IOException e) {
      return Outcome.failed(
          "cannot write the key pair to " + dirShown + ": " + e.getMessage(), List.of());
    }
  }

  /** BLAKE3 of each file, as {@code b3sum FILE...} prints it; unreadable files are failures. */
  public Outcome<TextReport> hash(List<GivenPath> inputs) {
    List<String> lines = new ArrayList<>();
    List<String> errors = new ArrayList<>();
    List<Node> rows = new ArrayList<>();
    for (GivenPath file : inputs) {
      String shown = file.shown();
      if (Files.isDirectory(file.path())) {
        errors.add("Error: " + shown + ": Is a directory");
        continue;
      }
      try {
        String hex = hasher.hexOfFile(file.path());
        lines.add(b3sumLine(hex, shown));
        rows.add(ObjectNode.builder().put("path", shown).put("blake3", hex).build());
      } catch (NoSuchFileException e) {
        errors.add("Error: " + shown + ": No such file or directory");
      } catch (IOException e) {
        errors.add(
            "Error: " + shown + ": " + (e.getMessage() == null ? "cannot read" : e.getMessage()));
      }
    }
    String json =
        JsonPrinter.pretty()
            .printLine(
                ObjectNode.builder()
                    .put("schema", "capsem.hash.v1")
                    .put("ok", errors.isEmpty())
                    .put("files", ArrayNode.of(rows))
                    .put("errors", ArrayNode.ofStrings(errors))
                    .build());
    List<Diagnostic> problems = new ArrayList<>();
    return Outcome.checked(
        new TextReport(json, TextReport.lines(lines), errors, lines, false),
        errors.isEmpty(),
        problems,
        errors.size() + (errors.size() == 1 ? " file" : " files") + " could not be hashed");
  }

  /**
   * {@code b3sum}'s line: a name holding a backslash or a newline is escaped and the line starts
   * with a backslash, so that every line stays one line.
   */
  static String b3sumLine(String hex, String name) {
    if (name.indexOf('\\') < 0 && name.indexOf('\n') < 0) {
      return hex + "  " + name;
    }
    return "\\" + hex + "  " + name.replace("\\", "\\\\").replace("\n", "\\n");
  }
}
