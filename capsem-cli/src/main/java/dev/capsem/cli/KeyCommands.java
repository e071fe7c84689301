package dev.capsem.cli;

import dev.capsem.core.api.Capsem;
import dev.capsem.core.api.GenerateKeysRequest;
import dev.capsem.core.diag.GivenPath;
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

    @Option(names = "--json", description = "Print a JSON report of the files written.")
    boolean json;

    Generate(Capsem capsem) {
      super(capsem);
    }

    @Override
    public Integer call() {
      GivenPath file = optionalFile(passwordFile, "--password-file");
      Path password = file == null ? null : file.path();
      if (!unencrypted && !Passwords.available(password, capsem)) {
        return fail(
            "the secret key is encrypted and no password was given; pass --password-file FILE,"
                + " set "
                + Passwords.ENVIRONMENT_VARIABLE
                + ", or pass --unencrypted",
            json);
      }
      return print(
          capsem
              .signing()
              .generateKeys(
                  new GenerateKeysRequest(
                      GivenPath.of(outDir),
                      unencrypted,
                      Passwords.source(password, capsem),
                      force)),
          json);
    }
  }
}
