package dev.capsem.core.api;

import dev.capsem.core.ports.CaGenerator;
import dev.capsem.core.ports.GeneratedKeyPair;
import dev.capsem.core.ports.HttpCall;
import dev.capsem.core.ports.HttpFetcher;
import dev.capsem.core.ports.HttpReply;
import dev.capsem.core.ports.KeyId;
import dev.capsem.core.ports.KeyProtection;
import dev.capsem.core.ports.OciArtifact;
import dev.capsem.core.ports.OciReference;
import dev.capsem.core.ports.OciRegistry;
import dev.capsem.core.ports.PasswordSource;
import dev.capsem.core.ports.PublishedArtifact;
import dev.capsem.core.ports.RawSignatureVerifier;
import dev.capsem.core.ports.SignatureVerification;
import dev.capsem.core.ports.SignatureVerifier;
import dev.capsem.core.ports.Signer;
import dev.capsem.core.ports.SigningKey;
import dev.capsem.core.ports.SigningKeyGenerator;
import dev.capsem.core.ports.SquashfsCodec;
import dev.capsem.core.ports.VerifyOptions;
import dev.capsem.core.ports.VirtualMachineException;
import dev.capsem.core.ports.VirtualMachines;
import dev.capsem.core.ports.VmRun;
import dev.capsem.core.ports.VmSpec;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

/** Stand-ins for adapters a caller did not supply: using one is a wiring bug, said plainly. */
final class MissingAdapters {

  static final SignatureVerifier VERIFIER =
      new SignatureVerifier() {
        @Override
        public SignatureVerification verify(
            byte[] payload, byte[] signatureFile, byte[] publicKeyFile, VerifyOptions options) {
          throw missing("SignatureVerifier");
        }

        @Override
        public SignatureVerification verifyFiles(
            Path payload, Path signatureFile, Path publicKeyFile, VerifyOptions options) {
          throw missing("SignatureVerifier");
        }
      };

  static final Signer SIGNER =
      new Signer() {
        @Override
        public SigningKey open(byte[] secretKeyFile, PasswordSource password) {
          throw missing("Signer");
        }

        @Override
        public SigningKey open(Path secretKeyFile, PasswordSource password) {
          throw missing("Signer");
        }
      };

  static final SigningKeyGenerator KEY_GENERATOR =
      new SigningKeyGenerator() {
        @Override
        public GeneratedKeyPair generate(KeyProtection protection) {
          throw missing("SigningKeyGenerator");
        }

        @Override
        public KeyId generateFiles(
            Path publicKeyFile, Path secretKeyFile, KeyProtection protection, boolean overwrite) {
          throw missing("SigningKeyGenerator");
        }
      };

  static final CaGenerator CA_GENERATOR =
      (commonName, notBefore, days) -> {
        throw missing("CaGenerator");
      };

  static final HttpFetcher HTTP =
      new HttpFetcher() {
        @Override
        public HttpReply fetch(HttpCall call, BodyHandler handler) {
          throw missing("HttpFetcher");
        }
      };

  static final RawSignatureVerifier RAW_VERIFIER =
      (message, signature, publicKeyFile) -> {
        throw missing("RawSignatureVerifier");
      };

  static final OciRegistry REGISTRY =
      new OciRegistry() {
        @Override
        public PublishedArtifact push(OciReference target, OciArtifact artifact) {
          throw missing("OciRegistry");
        }

        @Override
        public PublishedArtifact pull(
            OciReference source, String expectedArtifactType, Path folder) {
          throw missing("OciRegistry");
        }

        @Override
        public String resolveDigest(OciReference image) {
          throw missing("OciRegistry");
        }
      };

  /** One stand-in per squashfs compression id, so that any image says which adapter is missing. */
  static final List<SquashfsCodec> SQUASHFS_CODECS =
      IntStream.rangeClosed(SquashfsCodec.GZIP, SquashfsCodec.ZSTD)
          .mapToObj(MissingAdapters::squashfsCodec)
          .toList();

  private static SquashfsCodec squashfsCodec(int id) {
    return new SquashfsCodec() {
      @Override
      public int id() {
        return id;
      }

      @Override
      public int decompress(
          byte[] source, int offset, int length, byte[] target, int targetOffset, int capacity) {
        throw missing("SquashfsCodec");
      }

      @Override
      public int compress(
          byte[] source, int offset, int length, byte[] target, int targetOffset, int capacity) {
        throw missing("SquashfsCodec");
      }

      @Override
      public Optional<SquashfsCodec> atLevel(int level) {
        // No writer: the build says so with E532 while it checks its inputs, before any work.
        return Optional.empty();
      }
    };
  }

  /**
   * No VMM: said as the boot test says a missing QEMU (E500), so a caller without the adapter gets
   * a coded finding, not a crash.
   */
  static final VirtualMachines VIRTUAL_MACHINES =
      new VirtualMachines() {
        @Override
        public String probe(String arch) throws VirtualMachineException {
          throw noVmm();
        }

        @Override
        public VmRun boot(VmSpec spec) throws VirtualMachineException {
          throw noVmm();
        }
      };

  private MissingAdapters() {}

  private static VirtualMachineException noVmm() {
    return new VirtualMachineException(
        VirtualMachineException.Kind.NOT_INSTALLED,
        "no virtual machine monitor: no VirtualMachines adapter was given to Ports",
        "add one with Ports.withVirtualMachines (capsem-qemu-adapter's Qemu.virtualMachines;"
            + " StandardPorts does)",
        "");
  }

  private static IllegalStateException missing(String port) {
    return new IllegalStateException(
        "no "
            + port
            + " adapter was given to Ports; add it with the matching Ports.with... method");
  }
}
