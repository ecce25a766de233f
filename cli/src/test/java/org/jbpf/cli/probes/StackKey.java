package org.jbpf.cli.probes;

import org.jbpf.Pid;
import org.jbpf.StackId;
import org.jbpf.Struct;

/** A process and one of its user stacks, as a count key. */
@Struct
public final class StackKey {
    @Pid
    public int pid;
    @StackId
    public int stack;
}
