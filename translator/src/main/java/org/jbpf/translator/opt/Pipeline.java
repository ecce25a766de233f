package org.jbpf.translator.opt;

import java.util.List;
import org.jbpf.translator.mir.Mir;

/**
 * The MIR passes and their order: {@link #OPTIMIZATIONS} on virtual registers, which both backends get, and
 * {@link #CLEANUPS} on the allocated code of the direct backend, just before it is encoded.
 */
public final class Pipeline {
    private Pipeline() {}

    /**
     * Before register allocation. The order matters: printk's text copies are recognised in the lowering's own form, right after
     * unreachable blocks go; copies and dead values go next so the store and tail passes see through them; jump threading goes just before tail merging, since a path it sends on past a test ends like another one
     * more often; tail merging leaves copies of the merged values that the second copy propagation removes, and so does the hoisting
     * of code both successors of a branch begin with; sign extensions become copies after jump threading, the last pass that drops
     * tests on the verifier's ranges, as a value only stored may then be one the verifier knows less of; iterator loop heads go
     * last, since tail merging would merge their copied argument moves again. Context loads sink after load widening has made a
     * 32-bit load and its sign extension one load, whose one reader is then the value's real use.
     */
    public static final List<Pass> OPTIMIZATIONS = List.of(
            new UnreachableCodeElimination(),
            new TerminatedTextForwarding(),
            new JumpCleanup(),
            new DeadCodeElimination(),
            new CopyPropagation(),
            new RangeBranchFolding(),
            new AddressFolding(),
            new StackLoadForwarding(),
            new ConstantFolding(),
            new NeverRunLoops(),
            new UnreadStackStoreElimination(),
            new RedundantStoreElimination(),
            new DeadStackStoreElimination(),
            new JumpThreading(),
            new TailMerging(),
            new ConstantDefaultHoisting(),
            new ConstantConditionThreading(),
            new ConstantElseHoisting(),
            new SignExtensionElimination(),
            new PresetValues(),
            new CommonCodeHoisting(),
            new CopyPropagation(),
            new LoadWidening(),
            new StoreHoisting(),
            new ContextLoadSinking(),
            new IteratorLoopHeads());

    /**
     * After register allocation: reloads of a slot just stored become copies, copies that change nothing go (the
     * allocator's moves between equal registers among them), then values no path reads, then jumps; returns of the
     * same constant share one exit, which makes more branches invertible; an early return of another constant
     * then shares a later exit.
     */
    public static final List<Pass> CLEANUPS = List.of(
            new StoreReloadForwarding(),
            new SelfMoveElimination(),
            new DeadCodeElimination(),
            new JumpCleanup(),
            new ReturnMerging(),
            new BranchInversion(),
            new SharedExits(),
            new IteratorCounterPins());

    public static void optimize(Mir mir) { for (Pass p : OPTIMIZATIONS) p.run(mir); }

    public static void cleanUp(Mir mir) { for (Pass p : CLEANUPS) p.run(mir); }
}
