package org.jbpf.loader.attach;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jbpf.core.program.NearNames;
import org.jbpf.core.program.Section;
import org.jbpf.core.program.SectionKind;
import org.jbpf.loader.Cpus;
import org.jbpf.loader.LoadedProgram;
import org.jbpf.loader.sys.BpfAttr;
import org.jbpf.loader.sys.BpfAttrs;
import org.jbpf.loader.sys.BpfCmd;
import org.jbpf.loader.sys.BpfException;
import org.jbpf.loader.sys.Errno;
import org.jbpf.loader.sys.Fd;
import org.jbpf.loader.sys.PerfEventAttr;
import org.jbpf.core.program.ProgramTypes;
import org.jbpf.loader.sys.Sys;

/** Attaches loaded programs to their hook points. Each method returns a {@link Link} owning every fd it opened. */
public final class Attacher {
    private Attacher() {}

    static final Path EVENT_SOURCES = Path.of("/sys/bus/event_source/devices");

    /** Attaches where the program's section says. */
    public static Link attach(LoadedProgram p) {
        Section section;
        try {
            section = p.kind().section().requireAttachTarget();
        } catch (IllegalArgumentException e) {
            throw new BpfException(p + ": " + e.getMessage() + explicitAttach(p.kind().kind()));
        }
        switch (section.kind()) {
            case TRACEPOINT:
                return tracepoint(p, section.tracepointCategory(), section.tracepointName());
            case RAW_TRACEPOINT:
                return rawTracepoint(p, section.target());
            case UPROBE: case URETPROBE: {
                Path file;
                long offset;
                try {
                    file = UprobeFiles.require(section.uprobePath());
                    offset = ElfSymbols.offset(file, section.uprobeSymbol());
                } catch (BpfException e) {
                    throw new BpfException(p + ": " + e.getMessage(), e);  // which program wanted it
                }
                return uprobe(p, file.toString(), offset, section.kind() == SectionKind.URETPROBE, -1);
            }
            case KPROBE: case KRETPROBE:
                return kprobe(p, section.target(), section.kind() == SectionKind.KRETPROBE);
            case TP_BTF:
                return tracing(p, section);
            case PERF_EVENT:
                return cpuClock(p, section.cpuClockHz());
            default:
                throw new BpfException(p + ": section kind \"" + section.kind() + "\" has no automatic attachment");
        }
    }

    /** The method that attaches a program of this kind when its section cannot, as advice; "" when there is none. */
    private static String explicitAttach(SectionKind kind) {
        switch (kind) {
            case XDP: return " (attachXdp(interface))";
            case CLASSIFIER: return " (attachTc(interface))";
            case SOCKET: return " (attachSocket(socketFd))";
            case UPROBE: case URETPROBE: return "; or attach with attachUprobe(path, offset, ...)";
            case PERF_EVENT: return " (attachCpuClock(samplesPerSecond))";
            default: return "";
        }
    }

    public static Link tracepoint(LoadedProgram p, String category, String name) {
        int id;
        try {
            id = Tracefs.tracepointId(category, name);
        } catch (BpfException e) {
            throw new BpfException(p + ": " + e.getMessage());  // which program wanted it
        }
        Fd perf = Sys.perfEventOpen(new PerfEventAttr(PerfEventAttr.PERF_TYPE_TRACEPOINT, id), -1, 0, -1,
                "perf_event_open of tracepoint " + category + "/" + name);
        return onPerfEvent(p, perf, "tracepoint " + category + "/" + name);
    }

    public static Link rawTracepoint(LoadedProgram p, String name) {
        Fd fd;
        try {
            fd = Sys.bpfFd(BpfCmd.RAW_TRACEPOINT_OPEN, BpfAttrs.rawTracepointOpen(name, p.fd().value()),
                    "raw tracepoint " + name, "BPF_RAW_TRACEPOINT_OPEN of " + name + " for " + p);
        } catch (BpfException e) {
            if (e.errno() != Errno.ENOENT) throw e;
            throw BpfException.withMessage(p + ": this kernel has no tracepoint " + name + NearNames.didYouMean(name, Tracefs.eventNames())
                    + " (see " + Tracefs.root().resolve("available_events") + " for the names it has)", e.errno());
        }
        return new FdLink("raw_tracepoint " + name, fd);
    }

    /**
     * A tp_btf program, loaded with the BTF id of its tracepoint: a link of its expected attach type names no target,
     * the kernel already knows it.
     */
    public static Link tracing(LoadedProgram p, Section section) {
        String where = section.kind() + " " + section.target();
        Fd fd = Sys.bpfFd(BpfCmd.LINK_CREATE, BpfAttrs.linkCreate(p.fd().value(), 0, section.kind().expectedAttachType(), 0),
                "tracing link", "BPF_LINK_CREATE (" + where + ") of " + p);
        return new FdLink(where, fd);
    }

    /** A uprobe (or uretprobe) at {@code offset} bytes into the file {@code binary}; pid -1 probes every process. */
    public static Link uprobe(LoadedProgram p, String binary, long offset, boolean ret, int pid) {
        if (!Files.exists(Path.of(binary))) throw new BpfException(p + ": uprobe target " + binary + " does not exist");
        int type = pmuType(p, "uprobe", "this kernel has no uprobe support (CONFIG_UPROBE_EVENTS", "run it on a kernel built with it");
        long config = ret ? 1L << retprobeBit("uprobe") : 0;
        PerfEventAttr attr = new PerfEventAttr(type, config).config1(BpfAttr.cString(binary)).config2(offset);
        String where = (ret ? "uretprobe " : "uprobe ") + binary + "+0x" + Long.toHexString(offset);
        Fd perf = Sys.perfEventOpen(attr, pid, pid == -1 ? 0 : -1, -1, "perf_event_open of " + where);
        return onPerfEvent(p, perf, where);
    }

    public static Link kprobe(LoadedProgram p, String function, boolean ret) {
        if (function.isEmpty()) throw new BpfException(p + ": a kprobe section is kprobe/<kernel function>");
        int type = pmuType(p, "kprobe", "this kernel has no kprobe support (CONFIG_KPROBES",
                "attach to a tracepoint, raw_tracepoint or tp_btf section of the event instead");
        long config = ret ? 1L << retprobeBit("kprobe") : 0;
        PerfEventAttr attr = new PerfEventAttr(type, config).config1(BpfAttr.cString(function)).config2(0);
        String where = (ret ? "kretprobe " : "kprobe ") + function;
        Fd perf = Sys.perfEventOpen(attr, -1, 0, -1, "perf_event_open of " + where);
        return onPerfEvent(p, perf, where);
    }

    /**
     * A perf_event program on every online CPU's clock, {@code hz} samples a second each (what {@code profile}
     * tools sample with): one software event per CPU, each running the program; the returned link holds them all.
     */
    public static Link cpuClock(LoadedProgram p, int hz) {
        if (p.kind().progType() != ProgramTypes.PERF_EVENT) throw new BpfException(p + " is not a perf_event program");
        if (hz <= 0) throw new BpfException(p + ": a sampling rate of " + hz + " per second; give 1 or more");
        List<Link> links = new ArrayList<>();
        try {
            for (int cpu : Cpus.online()) {
                PerfEventAttr attr = new PerfEventAttr(PerfEventAttr.PERF_TYPE_SOFTWARE, PerfEventAttr.COUNT_SW_CPU_CLOCK)
                        .samplePeriod(hz).flags(PerfEventAttr.FLAG_FREQ);
                String where = "cpu-clock at " + hz + " Hz on CPU " + cpu;
                Fd perf;
                try {
                    perf = Sys.perfEventOpen(attr, -1, cpu, -1, "perf_event_open of " + where + " (for " + p + ")");
                } catch (BpfException e) {
                    throw aboveSampleRateLimit(p, hz, e);
                }
                links.add(onPerfEvent(p, perf, where));
            }
        } catch (RuntimeException e) {
            for (Link l : links) l.close();
            throw e;
        }
        return new LinkGroup("cpu-clock at " + hz + " Hz on " + links.size() + " CPUs", links);
    }

    static final Path MAX_SAMPLE_RATE = Path.of("/proc/sys/kernel/perf_event_max_sample_rate");

    /**
     * The kernel answers a sampling frequency above its perf_event_max_sample_rate with a bare EINVAL: say which
     * setting refused it, its value, and what to do. Any other failure is returned as it is.
     */
    static BpfException aboveSampleRateLimit(LoadedProgram p, int hz, BpfException e) {
        if (e.errno() != Errno.EINVAL) return e;
        long limit = Sysctl.number(MAX_SAMPLE_RATE);
        if (limit < 0 || hz <= limit) return e;
        return BpfException.withMessage(p + ": sampling the cpu-clock at " + hz + " Hz is above this machine's limit of " + limit
                + " samples a second (sysctl kernel.perf_event_max_sample_rate, which the kernel also lowers by itself when sampling"
                + " interrupts take too long); ask for at most " + limit + " Hz, or raise the limit: sysctl -w kernel.perf_event_max_sample_rate="
                + hz, Errno.EINVAL);
    }

    /** BPF_TCX_INGRESS and BPF_TCX_EGRESS of {@code enum bpf_attach_type} (kernel 6.6+). */
    static final int ATTACH_TCX_INGRESS = 46, ATTACH_TCX_EGRESS = 47;

    public static Link xdp(LoadedProgram p, int ifindex) { return xdp(p, ifindex, XdpMode.DEFAULT); }

    /** An xdp link on the interface with this index (in the calling thread's network namespace). */
    public static Link xdp(LoadedProgram p, int ifindex, XdpMode mode) {
        if (p.kind().progType() != ProgramTypes.XDP) throw new BpfException(p + " is not an xdp program");
        Fd fd = Sys.bpfFd(BpfCmd.LINK_CREATE, BpfAttrs.linkCreate(p.fd().value(), ifindex, ProgramTypes.ATTACH_XDP, mode.flags),
                "xdp link", "BPF_LINK_CREATE (xdp, " + mode.name().toLowerCase() + " mode) of " + p + " on interface index "
                        + ifindex + (mode == XdpMode.NATIVE ? "; the driver may have no native XDP: try XdpMode.GENERIC" : ""));
        return new FdLink("xdp (" + mode.name().toLowerCase() + ") on interface index " + ifindex, fd);
    }

    /**
     * A tc program on the ingress or egress of an interface, through a tcx link (kernel 6.6+); closing the link
     * detaches it and leaves other tc programs on the interface alone.
     */
    public static Link tc(LoadedProgram p, int ifindex, boolean ingress) { return tc(p, ifindex, ingress, TcMode.AUTO); }

    /**
     * A tc program on the ingress or egress of an interface, through a tcx link or a netlink clsact filter as
     * {@code mode} says; AUTO takes the netlink path only when the kernel refuses tcx as an unknown attach type.
     */
    public static Link tc(LoadedProgram p, int ifindex, boolean ingress, TcMode mode) {
        if (p.kind().progType() != ProgramTypes.SCHED_CLS) throw new BpfException(p + " is not a tc (classifier) program");
        if (mode == TcMode.NETLINK) return NetlinkTc.attach(p, ifindex, ingress);
        try {
            return tcx(p, ifindex, ingress);
        } catch (BpfException e) {
            if (mode == TcMode.AUTO && e.errno() == Errno.EINVAL) return NetlinkTc.attach(p, ifindex, ingress);
            throw e;
        }
    }

    private static Link tcx(LoadedProgram p, int ifindex, boolean ingress) {
        String where = "tc " + (ingress ? "ingress" : "egress") + " on interface index " + ifindex;
        Fd fd = Sys.bpfFd(BpfCmd.LINK_CREATE, BpfAttrs.linkCreate(p.fd().value(), ifindex,
                        ingress ? ATTACH_TCX_INGRESS : ATTACH_TCX_EGRESS, 0),
                "tcx link", "BPF_LINK_CREATE (tcx) of " + p + " as " + where + " (tcx links need kernel 6.6 or later)");
        return new FdLink(where, fd);
    }

    /** The direction a tc section names: {@code tc/ingress}, {@code tcx/egress}, ...; a clear error otherwise. */
    public static boolean tcIngress(LoadedProgram p) {
        String label = p.kind().section().target();
        if (label.equals("ingress")) return true;
        if (label.equals("egress")) return false;
        throw new BpfException(p + ": section \"" + p.section() + "\" does not say ingress or egress; name it tc/ingress or tc/egress,"
                + " or pass the direction to attachTc");
    }

    public static Link socket(LoadedProgram p, int socketFd) {
        if (p.kind().progType() != ProgramTypes.SOCKET_FILTER) throw new BpfException(p + " is not a socket filter");
        Sys.setsockoptInt(socketFd, Sys.SOL_SOCKET, Sys.SO_ATTACH_BPF, p.fd().value(),
                () -> "setsockopt(SO_ATTACH_BPF) of " + p + " on socket fd " + socketFd);
        return new SocketLink(socketFd, p.name());
    }

    /**
     * Runs the program on a perf event: through a BPF link when the kernel has them (5.15+), else with the older
     * PERF_EVENT_IOC_SET_BPF; then enables the event. The perf fd is closed if anything fails.
     */
    private static Link onPerfEvent(LoadedProgram p, Fd perf, String where) {
        try {
            Fd link = null;
            try {
                link = Sys.bpfFd(BpfCmd.LINK_CREATE, BpfAttrs.linkCreate(p.fd().value(), perf.value(), ProgramTypes.ATTACH_PERF_EVENT, 0),
                        "perf link", "BPF_LINK_CREATE of " + p + " on " + where);
            } catch (BpfException e) {
                if (e.errno() == Errno.EPERM) throw e;
                Sys.ioctl(perf.value(), PerfEventAttr.IOC_SET_BPF, p.fd().value(), "PERF_EVENT_IOC_SET_BPF of " + p + " on " + where);
            }
            Sys.ioctl(perf.value(), PerfEventAttr.IOC_ENABLE, 0, "PERF_EVENT_IOC_ENABLE of " + where);
            return link != null ? new FdLink(where, link, perf) : new FdLink(where, perf);
        } catch (RuntimeException e) {
            perf.close();
            throw e;
        }
    }

    /**
     * The perf event type of {@code pmu}; a kernel without it is told to {@code p} as {@code missing} (an open
     * parenthesis naming the kernel option, closed here after the directory that is absent) and {@code instead}.
     */
    private static int pmuType(LoadedProgram p, String pmu, String missing, String instead) {
        Path dir = EVENT_SOURCES.resolve(pmu);
        if (!Files.isDirectory(dir)) throw new BpfException(p + ": " + missing + ": " + dir + " does not exist); " + instead);
        try {
            return Integer.parseInt(Files.readString(dir.resolve("type")).trim());
        } catch (IOException | NumberFormatException e) {
            throw new BpfException("cannot read " + dir.resolve("type") + ": " + e.getMessage(), e);
        }
    }

    /** The config bit that makes a return probe, from {@code format/retprobe} ("config:0"). */
    private static int retprobeBit(String pmu) {
        try {
            String s = Files.readString(EVENT_SOURCES.resolve(pmu).resolve("format/retprobe")).trim();
            return Integer.parseInt(s.substring(s.indexOf(':') + 1));
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
