package org.jbpf.examples.tools;

import static org.jbpf.Helpers.ktime;
import static org.jbpf.Helpers.log2;

import org.jbpf.Bpf;
import org.jbpf.CString;
import org.jbpf.Section;
import org.jbpf.Size;
import org.jbpf.Struct;
import org.jbpf.TracepointContext;
import org.jbpf.examples.kernel.BlockRqComplete;
import org.jbpf.examples.kernel.BlockRqIssue;
import org.jbpf.maps.ArrayMap;
import org.jbpf.maps.HashMap;
import org.jbpf.maps.Histogram;
import org.jbpf.maps.RingBuffer;

/**
 * biosnoop and biolatency: each block request from its issue to the driver (block:block_rq_issue) to its completion
 * (block:block_rq_complete), as one record with the disk, the first sector, the size, the kind (rwbs: R read,
 * W write, S sync, ...) and the time the device took, and as a log2 histogram of those times in microseconds. A
 * request is known by its disk and sector while it is in flight. {@code dev} is the kernel's dev_t: major in the
 * bits above 20, minor below.
 */
@Bpf(license = "GPL")
public final class BioSnoop {
    /** A request in flight. */
    @Struct
    public record Request(int dev, long sector) {}

    /** A completed request. */
    @Struct
    public static final class Io {
        public int dev;
        public int sectors;
        public long sector;
        public long nanos;
        public int error;
        @CString @Size(10) public byte[] rwbs;
    }

    public static final HashMap<Request, Long> issuedAt = new HashMap<>(Request.class, Long.class, 10240);
    public static final RingBuffer ios = new RingBuffer(1 << 18);
    @Histogram public static final ArrayMap<Long> micros = new ArrayMap<>(Long.class, 32);

    @Section("tracepoint/block/block_rq_issue")
    static int issue(TracepointContext ctx) {
        BlockRqIssue rq = ctx.as(BlockRqIssue.class);
        issuedAt.update(new Request(rq.dev, rq.sector), ktime());
        return 0;
    }

    @Section("tracepoint/block/block_rq_complete")
    static int complete(TracepointContext ctx) {
        BlockRqComplete rq = ctx.as(BlockRqComplete.class);
        Request request = new Request(rq.dev, rq.sector);
        Long issued = issuedAt.lookup(request);
        if (issued == null) return 0;   // issued before the probe was attached
        long nanos = ktime() - issued;
        issuedAt.delete(request);
        micros.increment(Math.min(log2(nanos / 1000), 31));
        Io io = ios.reserve(Io.class);
        if (io == null) return 0;
        io.dev = rq.dev;
        io.sector = rq.sector;
        io.sectors = rq.nrSector;
        io.error = rq.error;
        io.nanos = nanos;
        System.arraycopy(rq.rwbs, 0, io.rwbs, 0, 10);
        ios.submit(io);
        return 0;
    }
}
