/**
 * The {@link dev.capsem.core.ports.OciRegistry} port on jib-core's {@code RegistryClient}: pushes
 * and pulls capsem releases as OCI artifacts and resolves image digests, with credentials from
 * Docker's configuration or explicit ones, and a TLS trust of its own.
 */
package dev.capsem.docker.oci;
