/** Image plans, build workspaces, verification and SBOMs. */
package dev.capsem.core.internal.image;
