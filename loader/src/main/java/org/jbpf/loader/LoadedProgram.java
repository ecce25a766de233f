package org.jbpf.loader;

import com.sun.jna.Memory;
import org.jbpf.core.obj.ProgramSpec;
import org.jbpf.loader.attach.Attacher;
import org.jbpf.loader.attach.Interfaces;
import org.jbpf.loader.attach.Link;
import org.jbpf.loader.attach.TcMode;
import org.jbpf.loader.attach.XdpMode;
import org.jbpf.loader.sys.BpfAttr;
import org.jbpf.loader.sys.BpfAttrs;
import org.jbpf.loader.sys.BpfCmd;
import org.jbpf.loader.sys.Fd;
import org.jbpf.loader.sys.Sys;

/** A program the kernel accepted. Links made through its attach methods are closed with its {@link LoadedObject}. */
public final class LoadedProgram implements AutoCloseable {
    private final ProgramSpec spec;
    private final ProgramKind kind;
    private final Fd fd;
    private final LoadedObject owner;

    LoadedProgram(ProgramSpec spec, ProgramKind kind, Fd fd, LoadedObject owner) {
        this.spec = spec;
        this.kind = kind;
        this.fd = fd;
        this.owner = owner;
    }

    public String name() { return spec.name(); }
    public String section() { return spec.section(); }
    public ProgramKind kind() { return kind; }
    public ProgramSpec spec() { return spec; }
    public Fd fd() { return fd; }

    /** Attaches where the section says (tracepoint, raw_tracepoint, uprobe/path:symbol, kprobe). */
    public Link attach() { return owner.register(Attacher.attach(this)); }

    /** Attaches a uprobe or uretprobe program at {@code offset} in the file {@code binary}; pid -1 means every process. */
    public Link attachUprobe(String binary, long offset, boolean ret, int pid) {
        return owner.register(Attacher.uprobe(this, binary, offset, ret, pid));
    }

    /** Attaches a perf_event program to every online CPU's clock, sampling {@code samplesPerSecond} times a second on each. */
    public Link attachCpuClock(int samplesPerSecond) { return owner.register(Attacher.cpuClock(this, samplesPerSecond)); }

    /** Attaches an xdp program to the interface with this index. */
    public Link attachXdp(int ifindex) { return owner.register(Attacher.xdp(this, ifindex)); }

    /** Attaches an xdp program to the interface with this index, in the given mode. */
    public Link attachXdp(int ifindex, XdpMode mode) { return owner.register(Attacher.xdp(this, ifindex, mode)); }

    /** Attaches an xdp program to the interface with this name (in the calling thread's network namespace). */
    public Link attachXdp(String ifname, XdpMode mode) { return attachXdp(Interfaces.index(ifname), mode); }

    /**
     * Attaches a tc program through a tcx link (a netlink clsact filter on kernels without tcx), on ingress or egress
     * as its section (tc/ingress, tc/egress) says.
     */
    public Link attachTc(String ifname) { return attachTc(Interfaces.index(ifname), Attacher.tcIngress(this)); }

    /** Attaches a tc program through a tcx link (or netlink, see above) on the ingress or egress of the interface with this index. */
    public Link attachTc(int ifindex, boolean ingress) { return owner.register(Attacher.tc(this, ifindex, ingress)); }

    /** Attaches a tc program on the ingress or egress of an interface through a tcx link or netlink, as {@code mode} says. */
    public Link attachTc(int ifindex, boolean ingress, TcMode mode) { return owner.register(Attacher.tc(this, ifindex, ingress, mode)); }

    /** Attaches a tc program in the direction its section names, through a tcx link or netlink, as {@code mode} says. */
    public Link attachTc(String ifname, TcMode mode) { return attachTc(Interfaces.index(ifname), Attacher.tcIngress(this), mode); }

    /** Attaches a socket filter to a socket fd the caller owns. */
    public Link attachSocket(int socketFd) { return owner.register(Attacher.socket(this, socketFd)); }

    /** Result of {@link #testRun}. */
    public record TestRun(int retval, int durationNanos, byte[] dataOut) {}

    /** Runs the program in the kernel on {@code data} ({@code BPF_PROG_TEST_RUN}), e.g. a packet for xdp or socket programs. */
    public TestRun testRun(byte[] data, int repeat) {
        owner.started();
        Memory in = BpfAttr.copyOf(data.length == 0 ? new byte[1] : data);
        int outSize = Math.max(data.length, 1) + 256;
        Memory out = new Memory(outSize);
        BpfAttr attr = BpfAttrs.testRun(fd.value(), in, data.length, out, outSize, repeat);
        Sys.bpf(BpfCmd.PROG_TEST_RUN, attr, () -> "BPF_PROG_TEST_RUN of program \"" + name() + "\"");
        int n = Math.min(BpfAttrs.testRunSizeOut(attr), outSize);
        return new TestRun(BpfAttrs.testRunRetval(attr), BpfAttrs.testRunDuration(attr), out.getByteArray(0, n));
    }

    @Override public void close() { fd.close(); }

    @Override public String toString() { return "program \"" + name() + "\" (" + section() + ")"; }
}
