package dev.capsem.core.api;

import dev.capsem.core.internal.io.AtomicFiles;
import dev.capsem.core.internal.json.ArrayNode;
import dev.capsem.core.internal.json.JsonDialect;
import dev.capsem.core.internal.json.JsonPrinter;
import dev.capsem.core.internal.json.JsonReader;
import dev.capsem.core.internal.json.JsonSyntaxException;
import dev.capsem.core.internal.json.Node;
import dev.capsem.core.internal.json.ObjectNode;
import dev.capsem.core.internal.report.PythonPath;
import dev.capsem.core.ports.KeyId;
import dev.capsem.core.ports.KeyProtection;
import dev.capsem.core.ports.SignatureComments;
import dev.capsem.core.ports.SignatureFailureKind;
import dev.capsem.core.ports.Signer;
import dev.capsem.core.ports.SigningException;
import dev.capsem.core.ports.SigningKey;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Key generation and file hashing over the signing and hashing ports. */
final class SigningService implements SigningUseCases {

  private final Ports ports;

  SigningService(Ports ports) {
    this.ports = ports;
  }

  @Override
  public SignedFiles signFiles(SignFilesRequest request) {
    Path publicKey = request.publicKey().path();
    Path recordFile = publicKey.resolveSibling(SignFilesRequest.RECORD);
    String keyShown = PythonPath.normalize(request.key().asGiven());
    String publicShown = PythonPath.normalize(request.publicKey().asGiven());
    try {
      String keyHash = ports.hasher().hex(Files.readAllBytes(request.key().path()));
      ObjectNode previous = readRecord(recordFile);
      String previousPublic =
          Files.isRegularFile(publicKey)
              ? Files.readString(publicKey, java.nio.charset.StandardCharsets.UTF_8)
              : null;
      boolean sameKey =
          previous != null
              && keyHash.equals(previous.string("key"))
              && previousPublic != null
              && previousPublic.equals(previous.string("public_key"));
      ObjectNode previousFiles = sameKey ? previous.object("files") : ObjectNode.empty();
      List<GivenPath> toSign = new ArrayList<>();
      java.util.Map<String, String> fileHashes = new java.util.LinkedHashMap<>();
      for (GivenPath file : request.files()) {
        String shown = PythonPath.normalize(file.asGiven());
        String hash = ports.hasher().hexOfFile(file.path());
        fileHashes.put(shown, hash);
        Path signature = Signer.defaultSignatureFile(file.path());
        ObjectNode was = previousFiles.object(shown);
        boolean unchanged =
            hash.equals(was.string("hash"))
                && Files.isRegularFile(signature)
                && ports
                    .hasher()
                    .hex(Files.readAllBytes(signature))
                    .equals(was.string("signature"));
        if (!unchanged) {
          toSign.add(file);
        }
      }
      String publicText = previousPublic;
      if (!toSign.isEmpty()) {
        long timestamp = Math.max(0, ports.clock().instant().getEpochSecond());
        try (SigningKey key = ports.signer().open(request.key().path(), request.password())) {
          publicText = key.publicKeyText();
          for (GivenPath file : toSign) {
            key.signFile(
                file.path(),
                SignatureComments.defaults(file.path().getFileName().toString(), timestamp),
                Signer.defaultSignatureFile(file.path()));
          }
        }
        if (!publicText.equals(previousPublic)) {
          Path parent = publicKey.toAbsolutePath().getParent();
          if (parent != null) {
            Files.createDirectories(parent);
          }
          AtomicFiles.writeString(publicKey, publicText);
        }
      }
      List<String> signed = new ArrayList<>();
      List<String> kept = new ArrayList<>();
      List<Node> rows = new ArrayList<>();
      ObjectNode.Builder files = ObjectNode.builder();
      for (GivenPath file : request.files()) {
        String shown = PythonPath.normalize(file.asGiven());
        String signatureShown = shown + Signer.SIGNATURE_SUFFIX;
        boolean fresh = toSign.contains(file);
        (fresh ? signed : kept).add(signatureShown);
        Path signature = Signer.defaultSignatureFile(file.path());
        files.put(
            shown,
            ObjectNode.builder()
                .put("hash", fileHashes.get(shown))
                .put("signature", ports.hasher().hex(Files.readAllBytes(signature)))
                .build());
        rows.add(
            ObjectNode.builder()
                .put("file", shown)
                .put("signature", signatureShown)
                .put("status", fresh ? "signed" : "kept")
                .build());
      }
      Path parent = recordFile.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      AtomicFiles.writeString(
          recordFile,
          JsonPrinter.pretty()
              .printLine(
                  ObjectNode.builder()
                      .put("schema", "capsem.signature-record.v1")
                      .put("key", keyHash)
                      .put("public_key", publicText)
                      .put("files", files.build())
                      .build()));
      ObjectNode report =
          ObjectNode.builder()
              .put("schema", SignedFiles.SCHEMA)
              .put("ok", true)
              .put("key_path", keyShown)
              .put("public_key_path", publicShown)
              .put("signatures", ArrayNode.of(rows))
              .build();
      return new SignedFiles(report, signed, kept, null, null);
    } catch (SigningException e) {
      return new SignedFiles(
          null, List.of(), List.of(), "signing failed: " + e.getMessage(), e.kind());
    } catch (NoSuchFileException e) {
      return new SignedFiles(
          null,
          List.of(),
          List.of(),
          "signing failed: no such file: " + e.getMessage(),
          SignatureFailureKind.UNREADABLE);
    } catch (IOException e) {
      return new SignedFiles(
          null,
          List.of(),
          List.of(),
          "signing failed: " + e.getMessage(),
          SignatureFailureKind.UNREADABLE);
    }
  }

  /** The signature record, or null when there is none or it cannot be read. */
  private static ObjectNode readRecord(Path file) {
    try {
      if (Files.isRegularFile(file)
          && JsonReader.read(
                  Files.readString(file, java.nio.charset.StandardCharsets.UTF_8),
                  JsonDialect.PYTHON)
              instanceof ObjectNode root
          && "capsem.signature-record.v1".equals(root.string("schema"))) {
        return root;
      }
    } catch (IOException | JsonSyntaxException | RuntimeException e) {
      return null;
    }
    return null;
  }

  @Override
  public Generated generateKeys(GenerateKeysRequest request) {
    String dirShown = PythonPath.normalize(request.outDirAsGiven());
    String publicShown = PythonPath.normalize(dirShown + "/" + GenerateKeysRequest.PUBLIC_KEY_FILE);
    String secretShown = PythonPath.normalize(dirShown + "/" + GenerateKeysRequest.SECRET_KEY_FILE);
    Path publicKey = request.outDir().resolve(GenerateKeysRequest.PUBLIC_KEY_FILE);
    Path secretKey = request.outDir().resolve(GenerateKeysRequest.SECRET_KEY_FILE);
    KeyProtection protection =
        request.unencrypted()
            ? KeyProtection.unencrypted()
            : KeyProtection.scrypt(request.password());
    try {
      Files.createDirectories(request.outDir());
      // With --force the new pair replaces the old one atomically (the old is kept until then).
      KeyId id =
          ports.keyGenerator().generateFiles(publicKey, secretKey, protection, request.force());
      return Generated.wrote(
          List.of(
              "created " + publicShown,
              "created " + secretShown + (request.unencrypted() ? " (unencrypted)" : ""),
              "key id: " + id.hex()));
    } catch (FileAlreadyExistsException e) {
      return Generated.refused(
          (Files.exists(secretKey) ? secretShown : publicShown)
              + " already exists; pass --force to overwrite");
    } catch (SigningException e) {
      return Generated.refused(
          e.kind() == SignatureFailureKind.PASSWORD_REQUIRED
              ? "the secret key is encrypted and no password was given"
              : e.getMessage());
    } catch (IOException e) {
      return Generated.refused("cannot write the key pair to " + dirShown + ": " + e.getMessage());
    }
  }

  @Override
  public FileHashes hash(List<Path> files, List<String> shownAs) {
    List<String> lines = new ArrayList<>();
    List<String> errors = new ArrayList<>();
    for (int i = 0; i < files.size(); i++) {
      Path file = files.get(i);
      String shown = shownAs.get(i);
      if (Files.isDirectory(file)) {
        errors.add(shown + ": Is a directory");
        continue;
      }
      try {
        lines.add(b3sumLine(ports.hasher().hexOfFile(file), shown));
      } catch (NoSuchFileException e) {
        errors.add(shown + ": No such file or directory");
      } catch (IOException e) {
        errors.add(shown + ": " + (e.getMessage() == null ? "cannot read" : e.getMessage()));
      }
    }
    return new FileHashes(lines, errors);
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
