package dev.capsem.core.api;

import dev.capsem.core.ports.ContainerRuntime;
import dev.capsem.core.ports.Downloader;
import dev.capsem.core.ports.FileAccess;
import dev.capsem.core.ports.Hasher;
import dev.capsem.core.ports.Host;
import dev.capsem.core.ports.HttpFetcher;
import dev.capsem.core.ports.SignatureVerifier;
import dev.capsem.core.ports.Signer;
import dev.capsem.core.ports.SigningKeyGenerator;
import dev.capsem.core.ports.ToolProbe;
import java.time.Clock;
import java.util.Objects;

/**
 * Everything the domain needs from the outside world, supplied by the driving adapter (the command
 * line, the Maven plugin, or an embedding application; {@code StandardPorts} of capsem-adapters
 * builds the usual set). Start from the four ports every use case needs and add adapters with the
 * {@code with...} methods; adapters left out are stand-ins that fail plainly if a use case needs
 * them.
 *
 * @param hasher BLAKE3
 * @param tools runs short host commands for diagnosis
 * @param host the operating system and environment variables
 * @param clock the only source of "now" (Maven: {@code project.build.outputTimestamp}; CLI: {@code
 *     SOURCE_DATE_EPOCH} or the system clock)
 * @param files the documents use cases read and write
 * @param verifier verifies minisign signatures (manifests, profile payloads, VM assets)
 * @param signer signs manifests with minisign secret keys
 * @param keyGenerator creates minisign key pairs
 * @param http fetches catalog locations ({@code manifest check})
 * @param containers the container runtime image builds run in
 * @param downloads fetches build inputs (kernel sources)
 */
public record Ports(
    Hasher hasher,
    ToolProbe tools,
    Host host,
    Clock clock,
    FileAccess files,
    SignatureVerifier verifier,
    Signer signer,
    SigningKeyGenerator keyGenerator,
    HttpFetcher http,
    ContainerRuntime containers,
    Downloader downloads) {

  public Ports {
    Objects.requireNonNull(hasher, "hasher");
    Objects.requireNonNull(tools, "tools");
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(files, "files");
    Objects.requireNonNull(verifier, "verifier");
    Objects.requireNonNull(signer, "signer");
    Objects.requireNonNull(keyGenerator, "keyGenerator");
    Objects.requireNonNull(http, "http");
    Objects.requireNonNull(containers, "containers");
    Objects.requireNonNull(downloads, "downloads");
  }

  /**
   * Ports for the use cases that neither sign, verify, fetch nor build; documents on the local file
   * system.
   */
  public Ports(Hasher hasher, ToolProbe tools, Host host, Clock clock) {
    this(
        hasher,
        tools,
        host,
        clock,
        FileAccess.local(),
        MissingAdapters.VERIFIER,
        MissingAdapters.SIGNER,
        MissingAdapters.KEY_GENERATOR,
        MissingAdapters.HTTP,
        ContainerRuntime.none(),
        Downloader.none());
  }

  /** These ports reading and writing documents through {@code access}. */
  public Ports withFiles(FileAccess access) {
    return new Ports(
        hasher,
        tools,
        host,
        clock,
        access,
        verifier,
        signer,
        keyGenerator,
        http,
        containers,
        downloads);
  }

  /** These ports with the signing adapters. */
  public Ports withSigning(SignatureVerifier verifier, Signer signer, SigningKeyGenerator keys) {
    return new Ports(
        hasher, tools, host, clock, files, verifier, signer, keys, http, containers, downloads);
  }

  /** These ports with the catalog fetcher. */
  public Ports withHttp(HttpFetcher fetcher) {
    return new Ports(
        hasher,
        tools,
        host,
        clock,
        files,
        verifier,
        signer,
        keyGenerator,
        fetcher,
        containers,
        downloads);
  }

  /** These ports with a container runtime and the build-input downloader. */
  public Ports withContainers(ContainerRuntime runtime, Downloader downloader) {
    return new Ports(
        hasher,
        tools,
        host,
        clock,
        files,
        verifier,
        signer,
        keyGenerator,
        http,
        runtime,
        downloader);
  }

  /** These ports with another hasher (a memo of file hashes, say). */
  public Ports withHasher(Hasher other) {
    return new Ports(
        other,
        tools,
        host,
        clock,
        files,
        verifier,
        signer,
        keyGenerator,
        http,
        containers,
        downloads);
  }
}
