package org.jbpf.examples.tools;

import org.jbpf.examples.kernel.SysEnterExecve;
import static org.jbpf.Helpers.pid;
import static org.jbpf.Helpers.probeReadUser;
import static org.jbpf.Helpers.probeReadUserStr;

import org.jbpf.Bpf;
import org.jbpf.CString;
import org.jbpf.Section;
import org.jbpf.Size;
import org.jbpf.Struct;
import org.jbpf.TracepointContext;
import org.jbpf.maps.RingBuffer;

/**
 * execsnoop with arguments: each execve(), as one event for the file name and one per argument (argv[0] up to
 * argv[MAX_ARGS - 1]): argv is a table of user pointers, read whole into a long[] first. The events of one call carry
 * its pid and come in order. {@code org.jbpf.examples.kernel.ExecSnoop} reports the exec's parent instead.
 */
@Bpf(license = "GPL")
public final class ExecArgsSnoop {
    static final int MAX_ARGS = 6;

    @Struct
    public static final class Arg {
        public int pid;
        public int index;        // -1 for the file name
        @CString @Size(40) public byte[] text;
    }

    public static final RingBuffer args = new RingBuffer(1 << 16);

    @Section("tracepoint/syscalls/sys_enter_execve")
    static int onExecve(TracepointContext ctx) {
        int process = pid();
        SysEnterExecve call = ctx.as(SysEnterExecve.class);
        Arg file = new Arg();
        file.pid = process;
        file.index = -1;
        probeReadUserStr(file.text, file.text.length, call.filename);
        args.output(file);
        long[] argv = new long[MAX_ARGS];
        if (probeReadUser(argv, 8 * MAX_ARGS, call.argv) != 0) return 0;
        for (int i = 0; i < MAX_ARGS; i++) {
            if (argv[i] == 0) break;
            Arg arg = new Arg();
            arg.pid = process;
            arg.index = i;
            probeReadUserStr(arg.text, arg.text.length, argv[i]);
            args.output(arg);
        }
        return 0;
    }
}
