package dev.capsem.core.api;

import dev.capsem.core.ports.KeyId;
import dev.capsem.core.ports.KeyProtection;
import dev.capsem.core.ports.SignatureFailureKind;
import dev.capsem.core.ports.SigningException;
import dev.capsem.core.report.PythonPath;
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
      if (request.force()) {
        Files.deleteIfExists(publicKey);
        Files.deleteIfExists(secretKey);
      }
      KeyId id = ports.keyGenerator().generateFiles(publicKey, secretKey, protection, false);
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
