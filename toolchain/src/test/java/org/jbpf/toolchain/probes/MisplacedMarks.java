package org.jbpf.toolchain.probes;

import org.jbpf.Bpf;
import org.jbpf.IpAddress;
import org.jbpf.OrdinalOf;
import org.jbpf.Section;
import org.jbpf.Size;
import org.jbpf.Struct;
import org.jbpf.TracepointContext;
import org.jbpf.maps.HashMap;
import org.jbpf.maps.Histogram;

/** Marks on fields they do not fit: an address in a long, a histogram of bytes. */
public final class MisplacedMarks {
    private MisplacedMarks() {}

    /** @IpAddress on a long. */
    @Bpf(license = "GPL")
    public static final class LongAddress {
        /** A value with a long marked as an address. */
        @Struct
        public static final class Peer {
            @IpAddress public long address;
        }

        public static final HashMap<Integer, Peer> peers = new HashMap<>(Integer.class, Peer.class, 16);

        @Section("tracepoint/syscalls/sys_enter_getppid")
        static int record(TracepointContext ctx) {
            peers.update(1, new Peer());
            return 0;
        }
    }

    /** @Histogram on a byte array. */
    @Bpf(license = "GPL")
    public static final class ByteHistogram {
        /** A value with bytes marked as a histogram. */
        @Struct
        public static final class Counts {
            @Histogram @Size(8) public byte[] slots;
        }

        public static final HashMap<Integer, Counts> counts = new HashMap<>(Integer.class, Counts.class, 16);

        @Section("tracepoint/syscalls/sys_enter_getppid")
        static int record(TracepointContext ctx) {
            counts.update(1, new Counts());
            return 0;
        }
    }

    /** @OrdinalOf on a byte array. */
    @Bpf(license = "GPL")
    public static final class TextState {
        /** A value whose text is marked as an ordinal. */
        @Struct
        public static final class Named {
            @OrdinalOf(StateChanges.State.class) @Size(8) public byte[] name;
        }

        public static final HashMap<Integer, Named> names = new HashMap<>(Integer.class, Named.class, 16);

        @Section("tracepoint/syscalls/sys_enter_getppid")
        static int record(TracepointContext ctx) {
            names.update(1, new Named());
            return 0;
        }
    }
}
