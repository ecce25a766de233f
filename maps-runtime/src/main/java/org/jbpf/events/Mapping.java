package org.jbpf.events;

import com.sun.jna.Pointer;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.function.Supplier;
import org.jbpf.loader.sys.Sys;

/** One mmap of a kernel buffer, unmapped by {@link #close} (idempotent). */
final class Mapping implements AutoCloseable {
    private Pointer address;
    private final long length;

    private Mapping(Pointer address, long length) {
        this.address = address;
        this.length = length;
    }

    static Mapping map(int fd, long offset, long length, boolean writable, Supplier<String> operation) {
        int prot = Sys.PROT_READ | (writable ? Sys.PROT_WRITE : 0);
        return new Mapping(Sys.mmap(length, prot, fd, offset, operation), length);
    }

    /** A little-endian view of {@code length} bytes at {@code offset}; valid until {@link #close}. */
    ByteBuffer view(long offset, int length) {
        if (address == null) throw new IllegalStateException("mapping is closed");
        return address.getByteBuffer(offset, length).order(ByteOrder.LITTLE_ENDIAN);
    }

    @Override public void close() {
        if (address == null) return;
        Sys.munmap(address, length);
        address = null;
    }
}
