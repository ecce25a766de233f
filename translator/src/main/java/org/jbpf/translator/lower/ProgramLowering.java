package org.jbpf.translator.lower;

import static org.jbpf.core.asm.Opcodes.R1;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jbpf.core.asm.SourceLine;
import org.jbpf.translator.analysis.MethodAnalysis;
import org.jbpf.translator.analysis.Subprogram;
import org.jbpf.translator.analysis.Value;
import org.jbpf.translator.backend.StackFrameLayout;
import org.jbpf.translator.frontend.ProbeArguments;
import org.jbpf.translator.frontend.ProbeClass;
import org.jbpf.translator.frontend.InsertDrops;
import org.jbpf.translator.frontend.RingDrops;
import org.jbpf.translator.mir.Mir;
import org.objectweb.asm.Type;

/**
 * Stack bytecode to register MIR for one BPF function: the section method (or one of the program's subprograms) with
 * every static call it inlines. Holds what all inlined bodies share: the emitter, the context register and the
 * scratch slots of map calls.
 */
public final class ProgramLowering {
    /** The register holding the program's context, or -1 when the section method takes no context. */
    private int ctxReg = -1;
    private int keyScratch = Integer.MIN_VALUE, valueScratch = Integer.MIN_VALUE;
    /** The BPF function being lowered, or null for the program's entry. */
    private Subprogram function;

    final Emitter out;
    private final StringPool strings;
    /** The number operands of each string concatenation not yet printed, by the concatenation's site. */
    final Map<Long, List<Operand>> concatArgs = new HashMap<>();
    /** The frame offset of each lambda's capture area, by the lambda's site. */
    private final Map<Long, Integer> captureAreas = new HashMap<>();

    /** Counters of records the probe's ring buffers refused, or null when it has no ring buffers. */
    private final RingDrops drops;
    /** Counters of new keys the probe's full maps refused, or null when it has no map that refuses them. */
    private final InsertDrops insertDrops;

    public ProgramLowering(Mir mir, StackFrameLayout frame, RingDrops drops, InsertDrops insertDrops, StringPool strings) {
        this.out = new Emitter(mir, frame);
        mir.frameAreas = frame.areas();
        this.drops = drops;
        this.insertDrops = insertDrops;
        this.strings = strings;
    }

    /** The probe's string literals in read-only data, shared by all its programs. */
    public StringPool strings() { return strings; }

    /** Lowers a section method: context into a register, then the body with its exits. */
    public void lower(MethodAnalysis a) {
        Type[] args = Type.getArgumentTypes(a.method.desc);
        List<Operand> entryArgs = new ArrayList<>();
        if (args.length >= 1) {
            ctxReg = out.newVreg();
            out.at(new SourceLine(a.file, ProbeClass.firstLine(a.method)));
            out.mov64(ctxReg, R1);
            entryArgs.add(new Operand.Reg(ctxReg, false));
            // typed function arguments of a uprobe/kprobe: each one load from the registers the kernel saved
            String section = a.frames[0].locals[0] instanceof Value.Ctx c ? c.section() : null;
            for (ProbeArguments.Argument arg : ProbeArguments.of(a.file, a.method, section)) {
                int r = out.newVreg();
                out.load(r, arg.kind(), ctxReg, arg.ptRegsOffset());
                entryArgs.add(new Operand.Reg(r, true));
            }
        }
        new BodyLowering(this, a, entryArgs, null, -1).run();
    }

    /**
     * Lowers a BPF function of the program: its parameters arrive in r1–r5 (the context among them keeps serving
     * calls that need it), its returns exit with r0, and a method returning nothing returns 0.
     */
    public void lowerFunction(Subprogram function) {
        this.function = function;
        out.at(new SourceLine(function.body.file, ProbeClass.firstLine(function.body.method)));
        List<Operand> entryArgs = new ArrayList<>();
        if (function.captures > 0) {
            CaptureLowering.enter(out, function, entryArgs);
            new BodyLowering(this, function.body, entryArgs, null, -1).run();
            return;
        }
        for (int k = 0; k < function.params.size(); k++) {
            Value p = function.params.get(k);
            if (!p.inRegister()) { entryArgs.add(new Operand.Known()); continue; }
            int r = out.newVreg();
            out.mov64(r, R1 + k);
            if (p instanceof Value.Ctx) ctxReg = r;
            entryArgs.add(new Operand.Reg(r, false));
        }
        new BodyLowering(this, function.body, entryArgs, null, -1).run();
    }

    /** True when this lowers a BPF function called by the program rather than the program itself. */
    boolean isFunction() { return function != null; }

    /** True when this lowers the body of a loop, whose return value says whether to stop. */
    boolean isLoopBody() { return function != null && function.loopBody; }
    /** Counters of records the probe's ring buffers refused, or null when it has no ring buffers. */
    public RingDrops ringDrops() { return drops; }

    /** Counters of new keys the probe's full maps refused, or null when it has no map that refuses them. */
    public InsertDrops insertDrops() { return insertDrops; }

    /** The register holding the program's context, or -1 when it has none. */
    public int contextRegister() { return ctxReg; }

    /** The number operands of the concatenation made at {@code site}, handed over once to the printk that prints it. */
    public List<Operand> takeConcatenation(long site) { return concatArgs.remove(site); }

    /** The stack area (8 bytes for the state's address, then 8 per capture) of the lambda made at {@code site}. */
    int captureArea(long site, int captures) {
        Integer off = captureAreas.get(site);
        if (off == null) captureAreas.put(site, off = out.allocate(8 * (captures + 1), 8));
        return off;
    }

    /** An 8-byte stack slot for a primitive map key (or value) passed by address; one of each per program. */
    public int scratchSlot(boolean isKey) {
        if (isKey) {
            if (keyScratch == Integer.MIN_VALUE) keyScratch = out.allocate(8, 8);
            return keyScratch;
        }
        if (valueScratch == Integer.MIN_VALUE) valueScratch = out.allocate(8, 8);
        return valueScratch;
    }
}
