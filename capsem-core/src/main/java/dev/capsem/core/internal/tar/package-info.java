/**
 * Reading tar streams (ustar, pax and GNU extensions) with the JDK alone: what {@code docker
 * export} writes, and doctor bundles; writing plain ustar archives of small files. Names are byte
 * strings, one {@code char} per byte, so that any name survives unchanged and sorts as squashfs
 * sorts names.
 */
package dev.capsem.core.internal.tar;
