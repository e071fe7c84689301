package dev.capsem.archfixture;

/**
 * A class that breaks the hexagon on purpose: it uses {@code
 * com.github.dockerjava.api.DockerClient}.
 */
public final class DockerClientUser {
  com.github.dockerjava.api.DockerClient used;
}
