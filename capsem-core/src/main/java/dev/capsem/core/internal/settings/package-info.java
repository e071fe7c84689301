/** Service Settings V2: model, validation, init and doctor. */
package dev.capsem.core.internal.settings;
