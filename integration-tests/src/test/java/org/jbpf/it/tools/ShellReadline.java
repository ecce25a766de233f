package org.jbpf.it.tools;

import static org.jbpf.Helpers.pid;
import static org.jbpf.Helpers.probeReadUserStr;

import org.jbpf.Bpf;
import org.jbpf.CString;
import org.jbpf.PtRegs;
import org.jbpf.Section;
import org.jbpf.Size;
import org.jbpf.Struct;
import org.jbpf.maps.RingBuffer;

/**
 * bashreadline as it is written for bash: a uretprobe on the shell executable's own readline, sending each line it
 * returns with the shell's pid. The shell here is {@code jtshell.c}, built position-independent (as distributions
 * build bash) and as a fixed-address executable, whose function addresses are not file offsets.
 */
@Bpf(license = "GPL")
public final class ShellReadline {
    public static final String PIE = "/tmp/jbpf-it-tools/jtshell-pie", FIXED = "/tmp/jbpf-it-tools/jtshell-fixed";

    @Struct
    public static final class Line {
        public int pid;
        public byte fixedAddress;
        @CString @Size(80) public byte[] text;
    }

    public static final RingBuffer lines = new RingBuffer(1 << 16);

    @Section("uretprobe//tmp/jbpf-it-tools/jtshell-pie:jt_shell_readline")
    static int returnedPie(PtRegs ctx, long line) {
        send((byte) 0, line);
        return 0;
    }

    @Section("uretprobe//tmp/jbpf-it-tools/jtshell-fixed:jt_shell_readline")
    static int returnedFixed(PtRegs ctx, long line) {
        send((byte) 1, line);
        return 0;
    }

    static void send(byte fixedAddress, long address) {
        Line l = lines.reserve(Line.class);
        if (l == null) return;
        l.pid = pid();
        l.fixedAddress = fixedAddress;
        probeReadUserStr(l.text, l.text.length, address);
        lines.submit(l);
    }
}
