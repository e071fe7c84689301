package com.google.cloud.tools.jib.api;

/** A stand-in named like jib's type, so the architecture test can prove its rule bites. */
public final class Jib {}
