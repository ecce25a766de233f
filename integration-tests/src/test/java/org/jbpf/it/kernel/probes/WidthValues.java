package org.jbpf.it.kernel.probes;

import org.jbpf.Struct;

/** What {@link WidthReads} read of one process, each reader's result widened to a Java int or long as Java widens it. */
@Struct
public final class WidthValues {
    public long tgidLong;
    public int tgidShort;
    public int tgidChar;
    public long sessionId;
    public long numaNode;
    public int numaNodeShort;
    public int numaNodeChar;
    public long oomScoreAdj;
    public int oomScoreAdjInt;
    public int oomScoreAdjChar;
}
