/** Detection packs: Sigma rules compiled to Detection IR, checks and backtests. */
package dev.capsem.core.internal.detection;
