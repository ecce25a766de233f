package org.jbpf.it.net;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Random;
import org.jbpf.net.Checksum;
import org.junit.jupiter.api.Test;

/**
 * {@link Checksum}'s incremental updates in the JVM, on random IPv4 headers whose checksum is right: after a 16-bit
 * field (a port, the id) or a 32-bit one (an address) changes and the update runs on the fields as a probe reads
 * them (little-endian reads of network-order bytes), the checksum is the one a full recompute gives, or its other
 * zero (0xffff for 0x0000), which RFC 1624's form can give and every receiver takes.
 */
class ChecksumTest {
    @Test
    void incrementalUpdatesAgreeWithAFullRecompute() {
        Random random = new Random(1624);
        for (int n = 0; n < 100_000; n++) {
            ByteBuffer header = ByteBuffer.allocate(20).order(ByteOrder.LITTLE_ENDIAN);
            for (int k = 0; k < 20; k++) header.put(k, (byte) random.nextInt(256));
            header.putShort(10, (short) 0);
            header.putShort(10, full(header));
            boolean wide = random.nextBoolean();
            int at = wide ? (random.nextBoolean() ? 12 : 16) : 2 * random.nextInt(5);
            short check = header.getShort(10);
            if (wide) {
                int from = header.getInt(at), to = random.nextInt(8) == 0 ? from : random.nextInt();
                header.putInt(at, to);
                check = Checksum.replace32(check, from, to);
            } else {
                short from = header.getShort(at), to = (short) random.nextInt(65536);
                header.putShort(at, to);
                check = Checksum.replace16(check, from, to);
            }
            header.putShort(10, (short) 0);
            short expected = full(header);
            assertEquals(zero(expected), zero(check), "header " + n);
        }
    }

    /** The checksum with ones' complement's two zeros as one. */
    private static int zero(short check) { return check == (short) 0xffff ? 0 : check & 0xffff; }

    /** The header's checksum computed over all of it (its checksum field 0), in the bytes' own order. */
    private static short full(ByteBuffer header) {
        long sum = 0;
        for (int k = 0; k < 20; k += 2) sum += header.getShort(k) & 0xffff;
        while (sum >>> 16 != 0) sum = (sum & 0xffff) + (sum >>> 16);
        return (short) ~sum;
    }
}
