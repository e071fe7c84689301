/** The core's HTTP fetcher port on the JDK's {@code java.net.http.HttpClient}. */
package dev.capsem.http;
