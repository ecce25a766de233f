/**
 * Packet headers for xdp and tc programs, read with {@code XdpContext.header(offset, Type.class)}: each is a
 * {@code @Struct} laid out exactly as on the wire, with {@link org.jbpf.net.Net} for byte order.
 */
package org.jbpf.net;
