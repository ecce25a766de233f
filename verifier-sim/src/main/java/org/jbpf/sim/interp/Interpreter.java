package org.jbpf.sim.interp;

import static org.jbpf.core.asm.Opcodes.*;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jbpf.core.asm.AluSemantics;
import org.jbpf.core.asm.Insn;
import org.jbpf.core.helper.HelperTable;
import org.jbpf.core.obj.BpfObject;
import org.jbpf.core.obj.MapSpec;
import org.jbpf.core.obj.ProgramSpec;
import org.jbpf.sim.maps.SimMap;
import org.jbpf.sim.verifier.ProgramKind;

/**
 * Runs programs of a {@link BpfObject} with the semantics of RFC 9669 against in-memory maps and simulated
 * helpers, so a probe can be tested without a kernel. Maps persist across runs of one interpreter.
 */
public final class Interpreter {
    public static final int MAX_STEPS = 1_000_000;
    /**
     * may_goto jumps once a run has passed it this many times; the kernel's budget is a count or a time, either of
     * which a program must expect to run out.
     */
    public static final int MAY_GOTO_BUDGET = 1 << 16;
    /** Where function addresses (PSEUDO_FUNC loads) point: this plus the function's instruction index, outside any memory. */
    private static final long FUNCTION_ADDRESS = 0x7f00_0000_0000_0000L;
    private static final int SK_BUFF_SIZE = 192, XDP_MD_SIZE = 24, SKB_PROTOCOL = 16;
    /** skb->protocol of the next packet run in host order, or -1 to take it from the packet. */
    private int protocol = -1;

    private final BpfObject obj;
    private final Map<String, SimMap> maps = new LinkedHashMap<>();
    private final Map<byte[], SimMap> mapByHandle = new IdentityHashMap<>();
    private final Map<String, byte[]> handleByName = new HashMap<>();
    private final HelperValues helpers = new HelperValues();
    private final List<String> printk = new ArrayList<>();
    private final HelperCalls calls = new HelperCalls(mapByHandle, helpers, printk);

    // per run
    private Memory mem;
    private byte[] packet, ctxRegion;
    /** The packet helpers of the current run of a packet program, else null. */
    private PacketHelpers packetHelpers;
    private ProgramKind kind;

    public Interpreter(BpfObject obj) {
        this.obj = obj;
        for (MapSpec m : obj.maps()) {
            SimMap sm = new SimMap(m);
            maps.put(m.name(), sm);
            byte[] handle = new byte[1];
            mapByHandle.put(handle, sm);
            handleByName.put(m.name(), handle);
        }
        // global-data sections: one-entry arrays holding their initial bytes, found by section name (e.g. ".bss")
        for (org.jbpf.core.obj.GlobalData g : obj.globals()) {
            SimMap sm = new SimMap(g.mapSpec());
            sm.update(new byte[4], java.util.Arrays.copyOf(g.bytes(), g.mapSpec().valueSize()), SimMap.ANY);
            maps.put(g.name(), sm);
            byte[] handle = new byte[1];
            mapByHandle.put(handle, sm);
            handleByName.put(g.name(), handle);
        }
    }

    public HelperValues helpers() { return helpers; }

    public SimMap map(String name) {
        SimMap m = maps.get(name);
        if (m == null) throw new IllegalArgumentException("object " + obj.name() + " has no map named '" + name + "'; it has " + maps.keySet());
        return m;
    }

    /** Lines trace_printk wrote, oldest first. */
    public List<String> printk() { return Collections.unmodifiableList(printk); }

    /** Runs a tracing program (tracepoint record, raw tracepoint arguments or pt_regs as {@code ctx}); returns R0. */
    public long run(String program, byte[] ctx) { return run(program(program), ctx, null); }

    /**
     * Runs a socket filter, xdp or tc program on {@code packet}, which it may modify in place; returns R0. After
     * xdp_adjust_head/tail moved its ends, {@link #packet()} gives the bytes.
     */
    public long runPacket(String program, byte[] packet) { return runPacket(program, packet, -1); }

    /**
     * The same with skb->protocol ({@code ctx.protocol()}) the ether type {@code protocol} in host order, as
     * BPF_PROG_TEST_RUN sets it from the frame it is given; -1 takes it from the packet: a tc program's Ethernet
     * header, or the IP version a socket filter's packet starts with.
     */
    public long runPacket(String program, byte[] packet, int protocol) {
        this.protocol = protocol;
        return run(program(program), null, packet);
    }

    /** The packet as the last packet program left it. */
    public byte[] packet() { return packetHelpers != null ? packetHelpers.bytes() : packet; }

    /**
     * The ether type of a packet run: the one asked for, or eth_type_trans's reading of a tc frame (an 802.3 length
     * below 0x600 gives 802.2 LLC, or raw IPX when the payload starts with 0xffff), or the IP version of a packet that
     * starts at its network header.
     */
    private int etherType(ProgramKind kind, byte[] packet) {
        if (protocol >= 0) return protocol;
        if (kind == ProgramKind.SOCKET) {
            int version = packet.length > 0 ? (packet[0] & 0xf0) >> 4 : 0;
            return version == 4 ? 0x0800 : version == 6 ? 0x86dd : 0;
        }
        if (packet.length < 14) return 0;
        int type = (packet[12] & 0xff) << 8 | packet[13] & 0xff;
        if (type >= 0x600) return type;
        return packet.length >= 16 && packet[14] == (byte) 0xff && packet[15] == (byte) 0xff ? 0x0001 : 0x0004;
    }

    private ProgramSpec program(String name) {
        return obj.program(name).orElseThrow(() -> new IllegalArgumentException(
                "object " + obj.name() + " has no program named '" + name + "'"));
    }

    public long run(ProgramSpec prog, byte[] ctx, byte[] packetData) {
        kind = ProgramKind.of(prog.kind());
        if (kind == null) throw new IllegalArgumentException("program " + prog.name() + ": section " + prog.section() + " is not simulated");
        mem = new Memory();
        packet = packetData;
        packetHelpers = null;
        calls.start(mem, null);
        int etherType = packet != null ? etherType(kind, packet) : 0;
        protocol = -1;
        if (kind == ProgramKind.SOCKET || kind == ProgramKind.XDP || kind == ProgramKind.SCHED_CLS) {
            if (packet == null) throw new IllegalArgumentException("program " + prog.name() + " needs a packet: use runPacket");
            ctxRegion = new byte[kind == ProgramKind.XDP ? XDP_MD_SIZE : SK_BUFF_SIZE];
            if (kind != ProgramKind.XDP) {
                mem.store(mem.base(ctxRegion), 4, packet.length);
                // __sk_buff.protocol holds the ether type in network order
                mem.store(mem.base(ctxRegion) + SKB_PROTOCOL, 4, Short.reverseBytes((short) etherType) & 0xffff);
            }
            packetHelpers = new PacketHelpers(mem, kind, packet, calls::mapArg, new FibLookups(mem, helpers));
            calls.start(mem, packetHelpers);
            long r0 = execute(prog, null);
            packetHelpers.copyBack(packet);
            return r0;
        }
        ctxRegion = ctx == null ? new byte[0] : ctx;
        return execute(prog, null);
    }

    /**
     * Runs a raw instruction sequence with r1..r5 set to {@code args} (missing ones 0) instead of a context pointer,
     * whatever its section: for programs that compute on arguments alone. Returns R0.
     */
    public long runWithArguments(ProgramSpec prog, long... args) {
        if (args.length > 5) throw new IllegalArgumentException("program " + prog.name() + ": at most 5 arguments (r1..r5), got " + args.length);
        kind = ProgramKind.of(prog.kind());
        mem = new Memory();
        packet = null;
        packetHelpers = null;
        calls.start(mem, null);
        ctxRegion = new byte[0];
        return execute(prog, args);
    }

    private record Frame(int returnPc, long[] saved, byte[] stack) {}

    private long execute(ProgramSpec prog, long[] args) { return execute(prog, 0, args); }

    /** Runs the function of {@code prog} starting at instruction {@code start} on a fresh stack until it returns. */
    private long execute(ProgramSpec prog, int start, long[] args) {
        List<Insn> insns = prog.insns();
        int[] slotOf = Insn.slotOffsets(insns);
        Map<Integer, Integer> indexOfSlot = new HashMap<>();
        for (int i = 0; i < insns.size(); i++) indexOfSlot.put(slotOf[i], i);
        long[] r = new long[11];
        byte[] stack = new byte[512];
        r[1] = mem.base(ctxRegion);
        if (args != null) System.arraycopy(args, 0, r, 1, args.length);
        r[10] = mem.base(stack) + 512;
        Deque<Frame> frames = new ArrayDeque<>();
        int pc = start, mayGotoLeft = MAY_GOTO_BUDGET;
        for (int steps = 0; ; steps++) {
            if (steps >= MAX_STEPS) throw new SimulationException("program " + prog.name() + " ran more than " + MAX_STEPS + " instructions");
            if (pc < 0 || pc >= insns.size()) throw new SimulationException("program " + prog.name() + " ran off its instructions at " + pc);
            Insn in = insns.get(pc);
            int opc = in.opcode(), c = cls(opc);
            try {
                switch (c) {
                    case ALU: case ALU64: {
                        long src = source(opc) == X ? r[in.src()] : AluSemantics.immOperand(in.imm());
                        r[in.dst()] = AluSemantics.eval(opc, in.off(), in.imm(), r[in.dst()], src);
                        pc++;
                        continue;
                    }
                    case LD:
                        if (in.isLdImm64() && in.src() == PSEUDO_FUNC) r[in.dst()] = FUNCTION_ADDRESS + indexOfSlot.get(slotOf[pc] + 1 + (int) in.imm());
                        else if (in.isLdImm64()) r[in.dst()] = ldImm64(in);
                        else { Long v = legacyPacketLoad(in, r); if (v == null) return 0; r[0] = v; for (int i = 1; i <= 5; i++) r[i] = 0; }
                        pc++;
                        continue;
                    case LDX: {
                        int size = sizeBytes(opc);
                        long v = load(r[in.src()] + in.off(), size);
                        if (mode(opc) == MEMSX) v = (v << (64 - 8 * size)) >> (64 - 8 * size);
                        r[in.dst()] = v;
                        pc++;
                        continue;
                    }
                    case ST: mem.store(r[in.dst()] + in.off(), sizeBytes(opc), in.imm()); pc++; continue;
                    case STX:
                        if (mode(opc) == ATOMIC) atomic(in, r);
                        else mem.store(r[in.dst()] + in.off(), sizeBytes(opc), r[in.src()]);
                        pc++;
                        continue;
                    default:
                        break;
                }
            } catch (SimulationException e) {
                throw new SimulationException(prog.name() + " insn " + slotOf[pc] + " (" + in + where(in) + "): " + e.getMessage());
            }
            int op = op(opc);
            if (op == JA) { pc = indexOfSlot.get(slotOf[pc] + 1 + in.jumpOffset()); continue; }
            if (op == EXIT) {
                if (frames.isEmpty()) return r[0];
                Frame f = frames.pop();
                System.arraycopy(f.saved, 6, r, 6, 5);
                stack = f.stack;
                pc = f.returnPc;
                continue;
            }
            if (op == CALL) {
                if (!in.isCall())
                    throw new SimulationException(prog.name() + " insn " + slotOf[pc] + " (" + in + where(in)
                            + "): calls through a register (callx, opcode " + String.format("%02x", opc) + ") are not BPF the kernel runs");
                if (in.src() == PSEUDO_KFUNC_CALL && NumIterators.handles(in.reference())) {
                    r[0] = NumIterators.call(in.reference(), r, mem);
                    for (int i = 1; i <= 5; i++) r[i] = 0;
                    pc++;
                    continue;
                }
                if (in.src() == PSEUDO_KFUNC_CALL)
                    throw new SimulationException(prog.name() + " insn " + slotOf[pc] + where(in) + ": kernel function calls are not simulated");
                if (in.isLocalCall()) {
                    frames.push(new Frame(pc + 1, r.clone(), stack));
                    if (frames.size() > 8) throw new SimulationException("call stack too deep");
                    stack = new byte[512];
                    r[10] = mem.base(stack) + 512;
                    pc = indexOfSlot.get(slotOf[pc] + 1 + (int) in.imm());
                } else if (in.imm() == HelperTable.LOOP) {
                    r[0] = loop(prog, r);
                    pc++;
                } else {
                    try {
                        r[0] = calls.call((int) in.imm(), r);
                    } catch (SimulationException e) {
                        throw new SimulationException(prog.name() + " insn " + slotOf[pc] + " (" + HelperTable.logName((int) in.imm())
                                + where(in) + "): " + e.getMessage());
                    }
                    pc++;
                }
                continue;
            }
            if (opc == (JMP | 0xe0)) { // may_goto
                pc = mayGotoLeft-- > 0 ? pc + 1 : indexOfSlot.get(slotOf[pc] + 1 + in.off());
                continue;
            }
            long b = source(opc) == X ? r[in.src()] : AluSemantics.immOperand(in.imm());
            pc = AluSemantics.jumpTaken(opc, r[in.dst()], b) ? indexOfSlot.get(slotOf[pc] + 1 + in.off()) : pc + 1;
        }
    }

    /** bpf_loop: runs the body at the address in r2 with (index, r3) until it returns non-zero; the count it ran. */
    private long loop(ProgramSpec prog, long[] r) {
        long n = r[1] & 0xffffffffL;
        if (n > 1 << 23) return -7;
        if (r[2] < FUNCTION_ADDRESS || r[4] != 0) throw new SimulationException("bpf_loop needs a function address in r2 and flags 0");
        int body = (int) (r[2] - FUNCTION_ADDRESS);
        for (long i = 0; i < n; i++) if (execute(prog, body, new long[] {i, r[3]}) != 0) return i + 1;
        return n;
    }

    private static String where(Insn in) { return in.source() == null ? "" : " at " + in.source(); }

    private long ldImm64(Insn in) {
        if (in.src() == 0) return in.imm();
        byte[] handle = handleByName.get(in.reference());
        if (handle == null) throw new SimulationException("unknown map " + in.reference());
        if (in.src() == PSEUDO_MAP_FD) return mem.base(handle);
        if (in.src() == PSEUDO_MAP_VALUE) {
            SimMap m = mapByHandle.get(handle);
            byte[] v = m.lookup(new byte[m.spec().keySize()]);
            return mem.base(v) + (in.imm() >>> 32);
        }
        throw new SimulationException("unsupported 64-bit load source " + in.src());
    }

    /** LD_ABS/LD_IND: big-endian packet bytes; out of bounds ends the program with 0 (null). */
    private Long legacyPacketLoad(Insn in, long[] r) {
        if (packet == null)
            throw new SimulationException("LD_ABS/LD_IND read packet data, but the program was run without a packet; use runPacket");
        int size = sizeBytes(in.opcode());
        long off = (int) in.imm() + (mode(in.opcode()) == IND ? (int) r[in.src()] : 0);
        if (off < 0 || off + size > packet.length) return null;
        long v = 0;
        for (int i = 0; i < size; i++) v = (v << 8) | (packet[(int) off + i] & 0xff);
        return v;
    }

    private long load(long addr, int size) {
        if (mem.region(addr) == ctxRegion && kind == ProgramKind.XDP) {
            int off = mem.offset(addr);
            if (off == 0) return packetHelpers.data();
            if (off == 4) return packetHelpers.dataEnd();
            if (off == 8) return packetHelpers.dataMeta();
        }
        if (mem.region(addr) == ctxRegion && kind == ProgramKind.SCHED_CLS) {
            // __sk_buff's data, data_end and data_meta
            int off = mem.offset(addr);
            if (off == 76 || off == 140) return packetHelpers.data();
            if (off == 80) return packetHelpers.dataEnd();
        }
        return mem.load(addr, size);
    }

    private void atomic(Insn in, long[] r) {
        int size = sizeBytes(in.opcode()), aop = (int) in.imm();
        long addr = r[in.dst()] + in.off();
        long old = mem.load(addr, size);
        if (size == 4) old = old & 0xffffffffL;
        long src = size == 4 ? r[in.src()] & 0xffffffffL : r[in.src()];
        if (aop == CMPXCHG) {
            long expect = size == 4 ? r[0] & 0xffffffffL : r[0];
            if (old == expect) mem.store(addr, size, src);
            r[0] = old;
            return;
        }
        long nv;
        switch (aop & ~FETCH) {
            case ADD: nv = old + src; break;
            case OR: nv = old | src; break;
            case AND: nv = old & src; break;
            case XOR: nv = old ^ src; break;
            case XCHG & ~FETCH: nv = src; break;
            default: throw new SimulationException("invalid atomic operation 0x" + Integer.toHexString(aop));
        }
        mem.store(addr, size, nv);
        if ((aop & FETCH) != 0) r[in.src()] = old;
    }
}
