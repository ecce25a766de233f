package org.jbpf;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a field of a {@link Struct} as an IP address in network byte order: a {@code @Size(4) byte[]} or an
 * {@code int} holding an IPv4 address (as the kernel's records and packet headers keep it), or a
 * {@code @Size(16) byte[]} holding an IPv6 one. The probe's code is unchanged; the object's BTF records the mark, so
 * {@code jbpf run}, {@code jbpf map dump}, JSON lines and the agent's JMX entries print the address as text
 * ({@code 127.0.0.1}, {@code ::1}, {@code ::ffff:10.0.0.2}) instead of a number or hex. In Java, read the bytes with
 * {@code java.net.InetAddress.getByAddress(bytes)}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface IpAddress {}
