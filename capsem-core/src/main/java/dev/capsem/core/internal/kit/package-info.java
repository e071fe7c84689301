/** The guest kit shipped with the product (decision D17) and its materialisation. */
package dev.capsem.core.internal.kit;
