package org.jbpf.events;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** The ring buffer record protocol read through the buffer on every JDK, as on JDK 24 and later: data never read raw. */
class RingBufferRingHeapTest extends RingBufferRingTest {
    @Override ByteBuffer buffer(int n) { return ByteBuffer.allocate(n).order(ByteOrder.LITTLE_ENDIAN); }
}
