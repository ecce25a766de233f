package org.jbpf.it.kernel.probes;

import static org.jbpf.Helpers.pid;
import static org.jbpf.Helpers.probeReadUserStr;

import org.jbpf.Bpf;
import org.jbpf.Constant;
import org.jbpf.PtRegs;
import org.jbpf.Section;
import org.jbpf.maps.RingBuffer;

/**
 * Uprobes on libc functions whose arguments arrive as typed parameters after the registers: posix_fadvise's int and
 * long arguments, access's path pointer (read with probeReadUserStr), lseek's read narrower than passed, and
 * posix_fadvise's int result in a uretprobe. Only calls of the process {@code targetPid} are recorded.
 */
@Bpf(license = "GPL")
public final class LibcArguments {
    @Constant static int targetPid;
    public static final RingBuffer calls = new RingBuffer(1 << 16);

    @Section("uprobe//usr/lib/x86_64-linux-gnu/libc.so.6:posix_fadvise")
    static int onFadvise(PtRegs ctx, int fd, long offset, long length, int advice) {
        if (pid() != targetPid) return 0;
        LibcCall call = calls.reserve(LibcCall.class);
        if (call == null) return 0;
        call.program = 1;
        call.pid = pid();
        call.fd = fd;
        call.offset = offset;
        call.length = length;
        call.advice = advice;
        calls.submit(call);
        return 0;
    }

    @Section("uretprobe//usr/lib/x86_64-linux-gnu/libc.so.6:posix_fadvise")
    static int onFadviseReturn(PtRegs ctx, int result) {
        if (pid() != targetPid) return 0;
        LibcCall call = calls.reserve(LibcCall.class);
        if (call == null) return 0;
        call.program = 2;
        call.pid = pid();
        call.result = result;
        calls.submit(call);
        return 0;
    }

    @Section("uprobe//usr/lib/x86_64-linux-gnu/libc.so.6:access")
    static int onAccess(PtRegs ctx, long path, int mode) {
        if (pid() != targetPid) return 0;
        LibcCall call = calls.reserve(LibcCall.class);
        if (call == null) return 0;
        call.program = 3;
        call.pid = pid();
        call.advice = mode;
        probeReadUserStr(call.path, 64, path);
        calls.submit(call);
        return 0;
    }

    @Section("uprobe//usr/lib/x86_64-linux-gnu/libc.so.6:lseek")
    static int onLseek(PtRegs ctx, short fd, byte offset, char whence) {
        if (pid() != targetPid) return 0;
        LibcCall call = calls.reserve(LibcCall.class);
        if (call == null) return 0;
        call.program = 4;
        call.pid = pid();
        call.shortFd = fd;
        call.byteOffset = offset;
        call.charWhence = whence;
        call.fd = fd;          // widened as Java widens: sign-extended
        call.advice = whence;  // zero-extended
        calls.submit(call);
        return 0;
    }
}
