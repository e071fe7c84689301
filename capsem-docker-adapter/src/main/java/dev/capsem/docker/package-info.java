/** The container-runtime port of capsem-core, driven through the docker command line. */
package dev.capsem.docker;
