/**
 * Squashfs block codecs on compression libraries: zstd on zstd-jni (what the rootfs is written
 * with, decision D6) and xz on XZ for Java (to read xz images); gzip comes with capsem-core.
 */
package dev.capsem.docker.compression;
