package org.jbpf.maps;

import org.jbpf.InKernelOnly;

/**
 * CPUs an xdp program hands packets to (BPF_MAP_TYPE_CPUMAP): slot number is the CPU, its value the size of the
 * queue the kernel makes for that CPU, filled from Java ({@code bpf.map(cpus).put(1, 192)}); the packet then goes on
 * into the network stack on that CPU. In the program, {@link #redirect} sends the packet to the CPU of a slot.
 */
public final class CpuMap extends BpfMapDef<Integer, Integer> {
    public CpuMap(int maxEntries) {
        super(BPFMapType.BPF_MAP_TYPE_CPUMAP, Integer.class, Integer.class, maxEntries);
    }

    /**
     * Redirects the packet to the CPU of slot {@code cpu} ({@code bpf_redirect_map}); return the result from the xdp
     * program. It is {@code XDP_REDIRECT} when the slot holds a queue, else the action in the low bits of
     * {@code flags} (e.g. {@code XdpContext.XDP_PASS}).
     */
    public int redirect(int cpu, int flags) { throw InKernelOnly.call("CpuMap.redirect"); }
}
