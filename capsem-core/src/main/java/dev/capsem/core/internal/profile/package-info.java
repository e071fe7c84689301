/** Profile V2: the model, its lax reader, its validator and its upstream-compatible writers. */
package dev.capsem.core.internal.profile;
