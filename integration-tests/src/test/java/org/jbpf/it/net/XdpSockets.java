package org.jbpf.it.net;

import com.sun.jna.Library;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import java.io.IOException;

/**
 * An AF_XDP socket opened through the C library alone (no libbpf): a UMEM of page-aligned frames registered with
 * XDP_UMEM_REG, fill, completion and receive rings sized, and the socket bound to one queue of an interface in copy
 * mode, which every driver supports. The kernel takes such a socket into an XSKMAP slot; the rings are not mapped, so
 * no frame is read from it.
 */
public final class XdpSockets implements AutoCloseable {
    private static final int AF_XDP = 44, SOCK_RAW = 3, SOL_XDP = 283;
    private static final int EBUSY = 16;
    private static final int XDP_RX_RING = 2, XDP_UMEM_REG = 4, XDP_UMEM_FILL_RING = 5, XDP_UMEM_COMPLETION_RING = 6;
    private static final int XDP_COPY = 1 << 1;
    private static final int FRAMES = 64, FRAME_SIZE = 4096, RING = 64;
    private static final int PROT_READ = 1, PROT_WRITE = 2, MAP_PRIVATE = 2, MAP_ANONYMOUS = 0x20;

    private interface C extends Library {
        C INSTANCE = Native.load("c", C.class);

        int socket(int domain, int type, int protocol);
        int setsockopt(int fd, int level, int name, Pointer value, int length);
        int bind(int fd, Pointer address, int length);
        int close(int fd);
        Pointer mmap(Pointer address, long length, int protection, int flags, int fd, long offset);
        int munmap(Pointer address, long length);
    }

    public final int fd;
    private final Pointer umem;

    private XdpSockets(int fd, Pointer umem) {
        this.fd = fd;
        this.umem = umem;
    }

    /** An AF_XDP socket bound to queue {@code queue} of interface {@code ifindex} of the calling thread's namespace. */
    public static XdpSockets bind(int ifindex, int queue) throws IOException {
        int fd = C.INSTANCE.socket(AF_XDP, SOCK_RAW, 0);
        if (fd < 0) throw new IOException("socket(AF_XDP) failed: errno " + Native.getLastError());
        Pointer umem = C.INSTANCE.mmap(null, (long) FRAMES * FRAME_SIZE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        XdpSockets socket = new XdpSockets(fd, umem);
        try {
            if (Pointer.nativeValue(umem) == -1) throw new IOException("mmap of the UMEM failed: errno " + Native.getLastError());
            Memory reg = new Memory(32);
            reg.clear();
            reg.setLong(0, Pointer.nativeValue(umem));
            reg.setLong(8, (long) FRAMES * FRAME_SIZE);
            reg.setInt(16, FRAME_SIZE);
            option(fd, XDP_UMEM_REG, reg, "XDP_UMEM_REG");
            Memory size = new Memory(4);
            size.setInt(0, RING);
            option(fd, XDP_UMEM_FILL_RING, size, "XDP_UMEM_FILL_RING");
            option(fd, XDP_UMEM_COMPLETION_RING, size, "XDP_UMEM_COMPLETION_RING");
            option(fd, XDP_RX_RING, size, "XDP_RX_RING");
            Memory address = new Memory(16);
            address.clear();
            address.setShort(0, (short) AF_XDP);
            address.setShort(2, (short) XDP_COPY);
            address.setInt(4, ifindex);
            address.setInt(8, queue);
            // EBUSY while the kernel still releases the queue of a socket closed just before (its release is deferred)
            for (int attempt = 0; C.INSTANCE.bind(fd, address, 16) != 0; attempt++) {
                int errno = Native.getLastError();
                if (errno != EBUSY || attempt == 100) throw new IOException("bind of the AF_XDP socket failed: errno " + errno);
                try {
                    Thread.sleep(20);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted while the queue was busy", interrupted);
                }
            }
            return socket;
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }

    private static void option(int fd, int name, Memory value, String what) throws IOException {
        if (C.INSTANCE.setsockopt(fd, SOL_XDP, name, value, (int) value.size()) != 0)
            throw new IOException("setsockopt " + what + " failed: errno " + Native.getLastError());
    }

    @Override
    public void close() {
        C.INSTANCE.close(fd);
        if (Pointer.nativeValue(umem) != -1) C.INSTANCE.munmap(umem, (long) FRAMES * FRAME_SIZE);
    }
}
