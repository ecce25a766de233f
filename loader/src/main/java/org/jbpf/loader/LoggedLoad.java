package org.jbpf.loader;

import com.sun.jna.Memory;
import org.jbpf.loader.sys.BpfAttrs;
import org.jbpf.loader.sys.BpfException;
import org.jbpf.loader.sys.BpfSyscalls;
import org.jbpf.loader.sys.Errno;
import org.jbpf.loader.sys.Fd;

/**
 * A refused program loaded once more with a verifier log, to say why the kernel refused it: the log buffer starts at
 * {@code firstBytes} and grows fourfold while the kernel says it is too small (ENOSPC), up to {@code maxBytes}. Serves
 * the loader's probes and any program built elsewhere (the runtime's map dump program) alike; what to make of the log
 * is the caller's.
 */
public final class LoggedLoad {
    private final int errno;
    private final String log;

    private LoggedLoad(int errno, String log) {
        this.errno = errno;
        this.log = log;
    }

    /** Loads {@code attr} (its own log settings replaced) until the log fits; a program that loads now is closed at once. */
    public static LoggedLoad of(BpfSyscalls sys, BpfAttrs.ProgLoad attr, int firstBytes, int maxBytes) {
        for (int size = firstBytes; ; size *= 4) {
            Memory buffer = new Memory(size);
            buffer.clear();
            int err = 0;
            try {
                Fd fd = sys.progLoad(attr.log(buffer, size, 1));
                fd.close();
            } catch (BpfException e) {
                err = e.errno();
            }
            if (err == Errno.ENOSPC && size < maxBytes) continue;
            return new LoggedLoad(err, err == 0 ? "" : buffer.getString(0, "UTF-8"));
        }
    }

    /** Whether the kernel took the program this time: its first answer was not stable. */
    public boolean loaded() { return errno == 0; }

    /** The errno of the logged load (0 when it loaded). */
    public int errno() { return errno; }

    /** The verifier's log ("" when it loaded). */
    public String log() { return log; }

    /** The last line of the log that says something, leaving out the closing "processed N insns" count; "" when none. */
    public String lastWords() {
        String last = "";
        for (String line : log.split("\n"))
            if (!line.isBlank() && !line.startsWith("processed ")) last = line;
        return last;
    }
}
