package org.jbpf.it.tools;

import static org.jbpf.Helpers.pid;
import static org.jbpf.Helpers.probeReadUserStr;
import static org.jbpf.Helpers.tid;

import org.jbpf.Bpf;
import org.jbpf.CString;
import org.jbpf.Constant;
import org.jbpf.PtRegs;
import org.jbpf.Section;
import org.jbpf.Size;
import org.jbpf.Struct;
import org.jbpf.maps.RingBuffer;

/**
 * bashreadline on a readline-like user function: the prompt passed in (uprobe) and the line it returns (uretprobe),
 * both strings read from the process's memory with probeReadUserStr.
 */
@Bpf(license = "GPL")
public final class ReadlineSnoop {
    /** What a record holds: the prompt passed in or the line returned. */
    public static final byte PROMPT = 1, LINE = 2;

    @Struct
    public static final class Text {
        public int tid;
        public byte kind;
        public int length;
        @CString @Size(64) public byte[] text;
    }

    @Constant static int targetPid;
    public static final RingBuffer texts = new RingBuffer(1 << 16);

    @Section("uprobe//tmp/jbpf-it-tools/libjtwork.so:jt_readline")
    static int prompt(PtRegs ctx, long prompt) {
        if (pid() == targetPid) send(PROMPT, prompt);
        return 0;
    }

    @Section("uretprobe//tmp/jbpf-it-tools/libjtwork.so:jt_readline")
    static int line(PtRegs ctx, long line) {
        if (pid() == targetPid) send(LINE, line);
        return 0;
    }

    static void send(byte kind, long address) {
        Text t = texts.reserve(Text.class);
        if (t == null) return;
        t.tid = tid();
        t.kind = kind;
        t.length = probeReadUserStr(t.text, t.text.length, address);
        texts.submit(t);
    }
}
