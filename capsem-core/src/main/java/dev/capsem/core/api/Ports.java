package dev.capsem.core.api;

import dev.capsem.core.ports.CaGenerator;
import dev.capsem.core.ports.ContainerRuntime;
import dev.capsem.core.ports.Downloader;
import dev.capsem.core.ports.FileAccess;
import dev.capsem.core.ports.Hasher;
import dev.capsem.core.ports.Host;
import dev.capsem.core.ports.HttpFetcher;
import dev.capsem.core.ports.OciRegistry;
import dev.capsem.core.ports.RawSignatureVerifier;
import dev.capsem.core.ports.SignatureVerifier;
import dev.capsem.core.ports.Signer;
import dev.capsem.core.ports.SigningKeyGenerator;
import dev.capsem.core.ports.SquashfsCodec;
import dev.capsem.core.ports.ToolProbe;
import dev.capsem.core.ports.VirtualMachines;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Everything the domain needs from the outside world, supplied by the driving adapter (the command
 * line, the Maven plugin, or an embedding application; {@code StandardPorts} of capsem-adapters
 * builds the usual set). Start from the four ports every use case needs and add adapters with the
 * {@code with...} methods; adapters left out are stand-ins that fail plainly if a use case needs
 * them. Immutable: each {@code with...} returns new ports.
 */
public final class Ports {

  private final Hasher hasher;
  private final ToolProbe tools;
  private final Host host;
  private final Clock clock;
  private final FileAccess files;
  private final SignatureVerifier verifier;
  private final RawSignatureVerifier rawVerifier;
  private final Signer signer;
  private final SigningKeyGenerator keyGenerator;
  private final HttpFetcher http;
  private final ContainerRuntime containers;
  private final Downloader downloads;
  private final OciRegistry registry;
  private final CaGenerator caGenerator;
  private final List<SquashfsCodec> squashfsCodecs;
  private final VirtualMachines machines;

  /**
   * Ports for the use cases that neither sign, verify, fetch, build nor publish; documents on the
   * local file system.
   *
   * @param hasher BLAKE3
   * @param tools runs short host commands for diagnosis
   * @param host the operating system and environment variables
   * @param clock the only source of "now" (Maven: {@code project.build.outputTimestamp}; CLI:
   *     {@code SOURCE_DATE_EPOCH} or the system clock)
   */
  public Ports(Hasher hasher, ToolProbe tools, Host host, Clock clock) {
    this.hasher = Objects.requireNonNull(hasher, "hasher");
    this.tools = Objects.requireNonNull(tools, "tools");
    this.host = Objects.requireNonNull(host, "host");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.files = FileAccess.local();
    this.verifier = MissingAdapters.VERIFIER;
    this.rawVerifier = MissingAdapters.RAW_VERIFIER;
    this.signer = MissingAdapters.SIGNER;
    this.keyGenerator = MissingAdapters.KEY_GENERATOR;
    this.http = MissingAdapters.HTTP;
    this.containers = ContainerRuntime.none();
    this.downloads = Downloader.none();
    this.registry = MissingAdapters.REGISTRY;
    this.caGenerator = MissingAdapters.CA_GENERATOR;
    this.squashfsCodecs = MissingAdapters.SQUASHFS_CODECS;
    this.machines = MissingAdapters.VIRTUAL_MACHINES;
  }

  private Ports(Draft draft) {
    this.hasher = Objects.requireNonNull(draft.hasher, "hasher");
    this.tools = draft.from.tools;
    this.host = draft.from.host;
    this.clock = draft.from.clock;
    this.files = Objects.requireNonNull(draft.files, "files");
    this.verifier = Objects.requireNonNull(draft.verifier, "verifier");
    this.rawVerifier = Objects.requireNonNull(draft.rawVerifier, "rawVerifier");
    this.signer = Objects.requireNonNull(draft.signer, "signer");
    this.keyGenerator = Objects.requireNonNull(draft.keyGenerator, "keyGenerator");
    this.http = Objects.requireNonNull(draft.http, "http");
    this.containers = Objects.requireNonNull(draft.containers, "containers");
    this.downloads = Objects.requireNonNull(draft.downloads, "downloads");
    this.registry = Objects.requireNonNull(draft.registry, "registry");
    this.caGenerator = Objects.requireNonNull(draft.caGenerator, "caGenerator");
    this.squashfsCodecs = List.copyOf(draft.squashfsCodecs);
    this.machines = Objects.requireNonNull(draft.machines, "machines");
  }

  /** These ports reading and writing documents through {@code access}. */
  public Ports withFiles(FileAccess access) {
    return with(draft -> draft.files = access);
  }

  /** These ports with the minisign adapters: verify, sign, generate keys. */
  public Ports withSigning(SignatureVerifier verifier, Signer signer, SigningKeyGenerator keys) {
    return with(
        draft -> {
          draft.verifier = verifier;
          draft.signer = signer;
          draft.keyGenerator = keys;
        });
  }

  /** These ports with the verifier of raw Ed25519 signatures (provenance envelopes). */
  public Ports withRawVerifier(RawSignatureVerifier raw) {
    return with(draft -> draft.rawVerifier = raw);
  }

  /** These ports with the catalog fetcher. */
  public Ports withHttp(HttpFetcher fetcher) {
    return with(draft -> draft.http = fetcher);
  }

  /** These ports with a container runtime and the build-input downloader. */
  public Ports withContainers(ContainerRuntime runtime, Downloader downloader) {
    return with(
        draft -> {
          draft.containers = runtime;
          draft.downloads = downloader;
        });
  }

  /** These ports with the OCI registry releases are pushed to and pulled from. */
  public Ports withRegistry(OciRegistry value) {
    return with(draft -> draft.registry = value);
  }

  /** These ports with the maker of the project CA (used when the operator gives no CA). */
  public Ports withCaGenerator(CaGenerator value) {
    return with(draft -> draft.caGenerator = value);
  }

  /**
   * These ports with the squashfs block codecs: the image build writes the rootfs with the one its
   * guest config names, and {@code image ls}/{@code cat}/{@code sbom}/{@code verify} read images
   * with any of them (capsem-docker-adapter's {@code SquashfsCodecs.readers()}: zstd, xz, gzip).
   */
  public Ports withSquashfsCodecs(List<SquashfsCodec> codecs) {
    return with(draft -> draft.squashfsCodecs = List.copyOf(codecs));
  }

  /** These ports with the VMM boot tests run images in. */
  public Ports withVirtualMachines(VirtualMachines value) {
    return with(draft -> draft.machines = value);
  }

  /** These ports with another hasher (a memo of file hashes, say). */
  public Ports withHasher(Hasher other) {
    return with(draft -> draft.hasher = other);
  }

  /** BLAKE3. */
  public Hasher hasher() {
    return hasher;
  }

  /** Runs short host commands for diagnosis. */
  public ToolProbe tools() {
    return tools;
  }

  /** The operating system and environment variables. */
  public Host host() {
    return host;
  }

  /** The only source of "now". */
  public Clock clock() {
    return clock;
  }

  /** The documents use cases read and write. */
  public FileAccess files() {
    return files;
  }

  /** Verifies minisign signatures (manifests, profile payloads, VM assets). */
  public SignatureVerifier verifier() {
    return verifier;
  }

  /** Verifies raw Ed25519 signatures with a minisign public key (provenance). */
  public RawSignatureVerifier rawVerifier() {
    return rawVerifier;
  }

  /** Signs with minisign secret keys. */
  public Signer signer() {
    return signer;
  }

  /** Creates minisign key pairs. */
  public SigningKeyGenerator keyGenerator() {
    return keyGenerator;
  }

  /** Fetches catalog locations ({@code manifest check}). */
  public HttpFetcher http() {
    return http;
  }

  /** The container runtime image builds run in. */
  public ContainerRuntime containers() {
    return containers;
  }

  /** Fetches build inputs (kernel sources). */
  public Downloader downloads() {
    return downloads;
  }

  /** The OCI registry releases are published to. */
  public OciRegistry registry() {
    return registry;
  }

  /** Makes the project CA. */
  public CaGenerator caGenerator() {
    return caGenerator;
  }

  /** The squashfs block codecs, one per compression id. */
  public List<SquashfsCodec> squashfsCodecs() {
    return squashfsCodecs;
  }

  /** Boots built images to check them from inside ({@code image test}, the release). */
  public VirtualMachines virtualMachines() {
    return machines;
  }

  private Ports with(Consumer<Draft> change) {
    Draft draft = new Draft(this);
    change.accept(draft);
    return new Ports(draft);
  }

  /** The adapters of a {@code with...} call, before they are checked and frozen. */
  private static final class Draft {
    private final Ports from;
    private Hasher hasher;
    private FileAccess files;
    private SignatureVerifier verifier;
    private RawSignatureVerifier rawVerifier;
    private Signer signer;
    private SigningKeyGenerator keyGenerator;
    private HttpFetcher http;
    private ContainerRuntime containers;
    private Downloader downloads;
    private OciRegistry registry;
    private CaGenerator caGenerator;
    private List<SquashfsCodec> squashfsCodecs;
    private VirtualMachines machines;

    private Draft(Ports from) {
      this.from = from;
      this.hasher = from.hasher;
      this.files = from.files;
      this.verifier = from.verifier;
      this.rawVerifier = from.rawVerifier;
      this.signer = from.signer;
      this.keyGenerator = from.keyGenerator;
      this.http = from.http;
      this.containers = from.containers;
      this.downloads = from.downloads;
      this.registry = from.registry;
      this.caGenerator = from.caGenerator;
      this.squashfsCodecs = from.squashfsCodecs;
      this.machines = from.machines;
    }
  }
}
