package org.jbpf.toolchain.probes;

import org.jbpf.Bpf;
import org.jbpf.OrdinalOf;
import org.jbpf.Section;
import org.jbpf.Struct;
import org.jbpf.TracepointContext;
import org.jbpf.maps.HashMap;

/** State changes counted by the pair of states, each named by an enum's constants. */
@Bpf(license = "GPL")
public final class StateChanges {
    /** States in the order of their numbers. */
    public enum State { IDLE, RUNNING, STOPPED }

    /** A change from one state to another. */
    @Struct
    public static final class Change {
        @OrdinalOf(State.class) public int from;
        @OrdinalOf(State.class) public short to;
        public int count;
    }

    public static final HashMap<Integer, Change> changes = new HashMap<>(Integer.class, Change.class, 16);

    @Section("tracepoint/syscalls/sys_enter_getppid")
    static int record(TracepointContext ctx) {
        Change c = new Change();
        c.from = State.RUNNING.ordinal();
        c.to = (short) State.STOPPED.ordinal();
        changes.update(1, c);
        return 0;
    }
}
