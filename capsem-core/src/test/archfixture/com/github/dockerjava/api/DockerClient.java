package com.github.dockerjava.api;

/** A stand-in named like docker-java's type, so the architecture test can prove its rule bites. */
public interface DockerClient {}
