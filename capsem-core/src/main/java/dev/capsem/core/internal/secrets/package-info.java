/** Finds API keys and tokens that were pasted into configuration instead of referenced. */
package dev.capsem.core.internal.secrets;
