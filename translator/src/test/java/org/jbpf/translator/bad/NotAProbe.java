package org.jbpf.translator.bad;

public final class NotAProbe {
    static long run() { return 0; }
}
