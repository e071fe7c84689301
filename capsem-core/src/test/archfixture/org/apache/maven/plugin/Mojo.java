package org.apache.maven.plugin;

/** A stand-in named like Maven's type, so the architecture test can prove its rule bites. */
public interface Mojo {}
