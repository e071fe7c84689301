package dev.capsem.core.internal.json;

import dev.capsem.core.diag.Position;

/** A floating-point number. */
public record FloatNode(double value, Position position) implements Node {}
