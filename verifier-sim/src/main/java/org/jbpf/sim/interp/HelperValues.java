package org.jbpf.sim.interp;

import java.util.ArrayList;
import java.util.List;

/** What the simulated helpers return; a test sets these before running a program. */
public final class HelperValues {
    long pidTgid = (1000L << 32) | 1001;
    long uidGid = 0;
    long cgroupId = 1;
    long ktimeNs = 1_000_000_000L;
    long ktimeStepNs = 1000;
    long currentTask = 0xffff888000000000L;
    int cpu = 0;
    byte[] comm = "java".getBytes();
    private final List<Integer> random = new ArrayList<>();
    private int randomNext = 0, randomState = 12345;
    List<Long> stack = List.of(0xffffffff81000000L);
    /** The host's interfaces by index, with whether each forwards IPv4 and IPv6: lo alone, forwarding neither, at first. */
    private final java.util.Map<Integer, boolean[]> interfaces = new java.util.HashMap<>(java.util.Map.of(1, new boolean[2]));

    public HelperValues pidTgid(int tgid, int pid) { this.pidTgid = ((long) tgid << 32) | (pid & 0xffffffffL); return this; }
    public HelperValues uidGid(int uid, int gid) { this.uidGid = ((long) gid << 32) | (uid & 0xffffffffL); return this; }
    /** Start value of ktime_get_ns (and its boot/coarse variants); each call advances it by {@code stepNs}. */
    public HelperValues ktime(long ns, long stepNs) { this.ktimeNs = ns; this.ktimeStepNs = stepNs; return this; }
    public HelperValues cpu(int cpu) { this.cpu = cpu; return this; }
    /** What get_current_cgroup_id returns (1, the root cgroup's id, unless set). */
    public HelperValues cgroupId(long id) { this.cgroupId = id; return this; }
    public HelperValues comm(String comm) { this.comm = comm.getBytes(); return this; }
    public HelperValues currentTask(long address) { this.currentTask = address; return this; }
    /** Values get_prandom_u32 returns in turn; after them it continues with a fixed pseudo-random sequence. */
    public HelperValues random(int... values) { for (int v : values) random.add(v); return this; }
    /** Instruction pointers get_stackid records for the current stack. */
    public HelperValues stack(List<Long> ips) { this.stack = List.copyOf(ips); return this; }

    /** Adds or changes interface {@code ifindex}, which fib_lookup finds, with whether it forwards IPv4 and IPv6. */
    public HelperValues forwarding(int ifindex, boolean ipv4, boolean ipv6) { interfaces.put(ifindex, new boolean[] { ipv4, ipv6 }); return this; }

    /** Whether interface {@code ifindex} forwards the family, or null when there is no such interface. */
    Boolean forwarding(int ifindex, boolean ipv6) {
        boolean[] f = interfaces.get(ifindex);
        return f == null ? null : f[ipv6 ? 1 : 0];
    }

    long nextKtime() { long t = ktimeNs; ktimeNs += ktimeStepNs; return t; }

    int nextRandom() {
        if (randomNext < random.size()) return random.get(randomNext++);
        randomState = randomState * 1103515245 + 12345;
        return randomState;
    }
}
