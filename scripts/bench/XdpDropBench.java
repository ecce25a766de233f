import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jbpf.BPF;
import org.jbpf.core.asm.Insn;
import org.jbpf.core.obj.BpfObject;
import org.jbpf.core.obj.ObjectReader;
import org.jbpf.core.obj.ProgramSpec;
import org.jbpf.examples.net.XdpFirewall;
import org.jbpf.translator.Translator;
import org.jbpf.translator.llvm.LlvmBackend;

/**
 * The XDP firewall example against its C twin under BPF_PROG_TEST_RUN: nanoseconds per packet (the kernel's own
 * average over {@code repeat} runs) for a UDP packet to a blocked port (dropped) and to an open one (passed), and
 * the instruction slots of each build. Arguments: the clang object, repeat count, rounds. Printed, never asserted.
 */
public final class XdpDropBench {
    static final int BLOCKED = 9001, OPEN = 9000;

    public static void main(String[] args) throws Exception {
        Path clang = Path.of(args[0]);
        int repeat = Integer.parseInt(args[1]), rounds = Integer.parseInt(args[2]);
        Map<String, BpfObject> builds = new LinkedHashMap<>();
        Translator.ClassSource classes = Translator.ClassSource.of(XdpDropBench.class.getClassLoader());
        Translator.Options options = new Translator.Options(List.of());
        builds.put("jbpf direct", Translator.translate(XdpFirewall.class.getName(), classes, options));
        if (LlvmBackend.unavailableReason() == null) builds.put("jbpf llvm", LlvmBackend.translate(XdpFirewall.class.getName(), classes, options));
        else System.out.println("llvm row left out: " + LlvmBackend.unavailableReason());
        builds.put("clang -O2 v4", ObjectReader.read(Files.readAllBytes(clang), clang.getFileName().toString()));

        byte[] drop = udp(BLOCKED), pass = udp(OPEN);
        Map<String, Integer> slots = new LinkedHashMap<>();
        for (var e : builds.entrySet()) {
            ProgramSpec p = e.getValue().programs().get(0);
            List<Insn> insns = p.insns();
            slots.put(e.getKey(), Insn.slotOffsets(insns)[insns.size()]);
        }
        // rounds alternate between the builds so a change in machine load hits all of them alike
        Map<String, long[][]> samples = new LinkedHashMap<>();
        for (String b : builds.keySet()) samples.put(b, new long[2][rounds]);
        Map<String, BPF> loaded = new LinkedHashMap<>();
        try {
            for (var e : builds.entrySet()) {
                BPF bpf = BPF.load(e.getValue());
                loaded.put(e.getKey(), bpf);
                bpf.map("blockedPorts", Integer.class, Integer.class).put(BLOCKED, 1);
            }
            for (int r = 0; r < rounds; r++) {
                for (var e : loaded.entrySet()) {
                    var prog = e.getValue().program("filter");
                    var d = prog.testRun(drop, repeat);
                    var q = prog.testRun(pass, repeat);
                    if (d.retval() != 1 || q.retval() != 2)
                        throw new IllegalStateException(e.getKey() + ": verdicts " + d.retval() + "/" + q.retval() + ", expected XDP_DROP/XDP_PASS");
                    samples.get(e.getKey())[0][r] = d.durationNanos();
                    samples.get(e.getKey())[1][r] = q.durationNanos();
                }
            }
        } finally {
            for (BPF b : loaded.values()) b.close();
        }
        double cDrop = median(samples.get("clang -O2 v4")[0]), cPass = median(samples.get("clang -O2 v4")[1]);
        int cSlots = slots.get("clang -O2 v4");
        System.out.printf("%-14s %10s %10s %10s %12s %7s %7s%n", "build", "drop ns", "pass ns", "drop Mpps", "ns vs clang", "slots", "ratio");
        for (String b : builds.keySet()) {
            double d = median(samples.get(b)[0]), p = median(samples.get(b)[1]);
            System.out.printf("%-14s %10.1f %10.1f %10.2f %12.2f %7d %7.2f%n", b, d, p, 1000 / d, d / cDrop, slots.get(b),
                    slots.get(b) / (double) cSlots);
        }
        System.out.printf("(BPF_PROG_TEST_RUN, %d repeats per run, median of %d rounds; ns vs clang is the drop path's ratio; pass path ratio %s)%n",
                repeat, rounds, String.join(", ", builds.keySet().stream()
                        .map(b -> b + " " + String.format("%.2f", median(samples.get(b)[1]) / cPass)).toList()));
    }

    /** An Ethernet + IPv4 + UDP packet from 127.1.0.1 to 127.1.0.2 with 18 payload bytes (a 60-byte frame). */
    static byte[] udp(int port) {
        ByteBuffer b = ByteBuffer.allocate(60);
        b.put(new byte[] {2, 0, 0, 0, 0, 2, 2, 0, 0, 0, 0, 1}).putShort((short) 0x0800);
        b.put((byte) 0x45).put((byte) 0).putShort((short) 46).putShort((short) 1).putShort((short) 0).put((byte) 64).put((byte) 17)
                .putShort((short) 0).putInt(0x7f010001).putInt(0x7f010002);
        b.putShort((short) 40000).putShort((short) port).putShort((short) 26).putShort((short) 0);
        return b.array();
    }

    static double median(long[] v) {
        long[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }
}
