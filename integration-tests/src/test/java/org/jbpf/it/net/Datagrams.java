package org.jbpf.it.net;

import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Receiving exactly what a test sent through a filter, with no timer deciding what "did not arrive" means: the test
 * sends a marker datagram last, on the same path, and waits for it. Datagrams of one path are delivered in order, so
 * once the marker is here every datagram sent before it has been through the filter, and those it passed are queued.
 */
public final class Datagrams {
    static final long MARKER_WAIT_NANOS = 30_000_000_000L;

    private Datagrams() {}

    /** The payloads {@code ch} (non-blocking) receives before {@code marker}, waiting up to 30 s for the marker. */
    public static List<byte[]> receiveThrough(DatagramChannel ch, byte[] marker) throws Exception {
        ByteBuffer buf = ByteBuffer.allocate(2048);
        List<byte[]> got = new ArrayList<>();
        long deadline = System.nanoTime() + MARKER_WAIT_NANOS;
        while (true) {
            if (ch.receive(buf.clear()) != null) {
                byte[] payload = Arrays.copyOf(buf.array(), buf.position());
                if (Arrays.equals(payload, marker)) return got;
                got.add(payload);
            } else if (System.nanoTime() > deadline) {
                throw new AssertionError("the marker datagram did not arrive in 30 s; " + got.size() + " arrived before it: " + texts(got));
            } else {
                Thread.sleep(1);
            }
        }
    }

    /** The first {@code count} payloads {@code ch} (non-blocking) receives, waiting up to 30 s for them. */
    public static List<byte[]> receive(DatagramChannel ch, int count) throws Exception {
        ByteBuffer buf = ByteBuffer.allocate(2048);
        List<byte[]> got = new ArrayList<>();
        long deadline = System.nanoTime() + MARKER_WAIT_NANOS;
        while (got.size() < count) {
            if (ch.receive(buf.clear()) != null) got.add(Arrays.copyOf(buf.array(), buf.position()));
            else if (System.nanoTime() > deadline) throw new AssertionError(got.size() + " of " + count + " datagrams arrived in 30 s: " + texts(got));
            else Thread.sleep(1);
        }
        return got;
    }

    /** The payloads already queued at {@code ch} (non-blocking). */
    public static List<byte[]> queued(DatagramChannel ch) throws Exception {
        ByteBuffer buf = ByteBuffer.allocate(2048);
        List<byte[]> got = new ArrayList<>();
        while (ch.receive(buf.clear()) != null) got.add(Arrays.copyOf(buf.array(), buf.position()));
        return got;
    }

    /** Payloads as ASCII text. */
    public static List<String> texts(List<byte[]> payloads) {
        List<String> texts = new ArrayList<>();
        for (byte[] p : payloads) texts.add(new String(p, StandardCharsets.US_ASCII));
        return texts;
    }

    /** Payload sizes. */
    public static List<Integer> sizes(List<byte[]> payloads) {
        List<Integer> sizes = new ArrayList<>();
        for (byte[] p : payloads) sizes.add(p.length);
        return sizes;
    }
}
