package dev.capsem.cli;

import dev.capsem.core.api.Capsem;
import dev.capsem.core.api.GenerateKeysRequest;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code capsem-admin key generate}. */
final class KeyCommands {

  private KeyCommands() {}

  @Command(name = "key", description = "Create minisign signing keys.")
  static final class Group extends CommandGroup {}

  @Command(
      name = "generate",
      description =
          "Write a minisign key pair (minisign.pub, minisign.key), scrypt-encrypted unless"
              + " --unencrypted.")
  static final class Generate extends CapsemCommand {

    @Option(names = "--out-dir", required = true, description = "Where to write both files.")
    String outDir;

    @Option(names = "--unencrypted", description = "Store the secret key without a password.")
    boolean unencrypted;

    @Option(
        names = "--password-file",
        description =
            "File whose first line is the new key's password (else "
                + Passwords.ENVIRONMENT_VARIABLE
                + ").")
    String passwordFile;

    @Option(names = "--force", description = "Replace existing key files.")
    boolean force;

    Generate(Capsem capsem) {

      super(capsem);
    }

    @Override
    public Integer call() {
      Path password = passwordFile == null ? null : existingFile(passwordFile, "--password-file");
      if (!unencrypted && !Passwords.available(password, capsem)) {
        console()
            .err(
                "Error: the secret key is encrypted and no password was given; pass"
                    + " --password-file FILE, set "
                    + Passwords.ENVIRONMENT_VARIABLE
                    + ", or pass --unencrypted");
        return ExitCodes.INVALID;
      }
      return print(
          capsem
              .signing()
              .generateKeys(
                  new GenerateKeysRequest(
                      Path.of(outDir),
                      outDir,
                      unencrypted,
                      Passwords.source(password, capsem),
                      force)));
    }
  }
}
