package org.jbpf.it.newuser;

import org.jbpf.Struct;

/** The record of syscalls/sys_enter_getpgid, written by hand from its format file with the fields laid out as jbpf gen tracepoint lays them out (pid after a gap, at offset 16). */
@Struct
public final class GetpgidRecord {
    public short commonType;
    public byte commonFlags;
    public byte commonPreemptCount;
    public int commonPid;
    public int syscallNr;
    public long pid;
}
