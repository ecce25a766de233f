package org.jbpf.it.newuser;

import org.jbpf.examples.kernel.SysEnterOpenat;
import static org.jbpf.Helpers.pid;
import static org.jbpf.Helpers.probeReadUserStr;

import org.jbpf.Bpf;
import org.jbpf.Constant;
import org.jbpf.Section;
import org.jbpf.Strings;
import org.jbpf.TracepointContext;

/**
 * openat() file names read from user memory into a local byte array and compared: a directory prefix longer than
 * eight bytes, an exact short name, and the O_CREAT flag of the typed record, for one process.
 */
@Bpf(license = "GPL")
public final class OpenatPaths {
    static final int O_CREAT = 0100;
    @Constant static int targetPid;
    static long underDirectory;
    static long created;
    static long exactName;
    static long longestPath;

    @Section("tracepoint/syscalls/sys_enter_openat")
    static int onOpenat(TracepointContext ctx) {
        if (pid() != targetPid) return 0;
        SysEnterOpenat call = ctx.as(SysEnterOpenat.class);
        byte[] path = new byte[64];
        int length = probeReadUserStr(path, path.length, call.filename);
        if (length <= 0) return 0;
        if (Strings.startsWith(path, "/tmp/nu-open-dir/")) {
            underDirectory++;
            if ((call.flags & O_CREAT) != 0) created++;
            if (length > longestPath) longestPath = length;
        }
        if (Strings.equals(path, "/nu-x")) exactName++;
        return 0;
    }
}
