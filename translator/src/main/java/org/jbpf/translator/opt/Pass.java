package org.jbpf.translator.opt;

import org.jbpf.translator.mir.Mir;

/** One transformation of a program's MIR that keeps what the program does. Passes hold no state between runs. */
public interface Pass {
    void run(Mir mir);
}
