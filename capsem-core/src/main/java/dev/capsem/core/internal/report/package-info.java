/** The JSON reports every use case returns, in upstream's shapes, plus our coded diagnostics. */
package dev.capsem.core.internal.report;
