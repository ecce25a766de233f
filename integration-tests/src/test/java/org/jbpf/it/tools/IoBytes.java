package org.jbpf.it.tools;

import static org.jbpf.Helpers.pid;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.Struct;
import org.jbpf.TracepointContext;
import org.jbpf.maps.HashMap;

/** Bytes read and written per process, from the results of read() and write(); failed calls are counted apart. */
@Bpf(license = "GPL")
public final class IoBytes {
    @Struct
    public static final class Io {
        public long reads, readBytes, writes, writeBytes, failures;
    }

    public static final HashMap<Integer, Io> byProcess = new HashMap<>(Integer.class, Io.class, 4096);

    @Section("tracepoint/syscalls/sys_exit_read")
    static int onRead(TracepointContext ctx) {
        count(false, ctx.as(SysExit.class).ret);
        return 0;
    }

    @Section("tracepoint/syscalls/sys_exit_write")
    static int onWrite(TracepointContext ctx) {
        count(true, ctx.as(SysExit.class).ret);
        return 0;
    }

    static void count(boolean write, long result) {
        int process = pid();
        Io io = byProcess.lookup(process);
        if (io == null) {
            byProcess.update(process, new Io());
            io = byProcess.lookup(process);
            if (io == null) return;
        }
        if (result < 0) io.failures++;
        else if (write) {
            io.writes++;
            io.writeBytes += result;
        } else {
            io.reads++;
            io.readBytes += result;
        }
    }
}
