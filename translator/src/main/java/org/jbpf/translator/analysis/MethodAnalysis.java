package org.jbpf.translator.analysis;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jbpf.translator.frontend.GlobalVariables;
import org.jbpf.translator.frontend.MethodCode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;

/** The analysis's facts about one method body as inlined at one place: a frame before every reachable instruction. */
public final class MethodAnalysis extends MethodCode {
    final String ownerInternalName;
    public final Frame[] frames;
    final long context;
    /** The analysis of each inlined static call, by the index of its invoke instruction. */
    public final Map<Integer, MethodAnalysis> callees = new HashMap<>();
    /** The call sites of this body that call a BPF function (a subprogram or a loop body) instead of inlining. */
    public final Map<Integer, Subprogram> calls = new HashMap<>();
    /** Calls on a box through Number, Comparable or Object, as the box class's own method (BoxDispatch), by instruction index. */
    public final Map<Integer, MethodInsnNode> boxCalls = new HashMap<>();
    /** For a program's own analysis: every BPF function the program calls, in the order they were first called. */
    public List<Subprogram> subprograms = List.of();
    /** The global variable each GETSTATIC/PUTSTATIC of a probe's static field reads or writes, by instruction index. */
    public final Map<Integer, GlobalVariables.Variable> globals = new HashMap<>();
    /** What an intrinsic's typing learnt about the call at an instruction index, for its lowering (kernel struct reads). */
    public final Map<Integer, Object> callFacts = new HashMap<>();
    public Value returnValue;
    /** What the values returned may be (HeldFields.choicesOf at each return), for a pointer merged from several returns. */
    final java.util.Set<Long> returnedChoices = new java.util.HashSet<>();
    /** The local struct each {@code new T(..)}'s constructor call makes, by the index of the call. */
    public final Map<Integer, Value.StackObj> constructed = new HashMap<>();
    /** The local int[] of ordinals each call of an enum's {@code values()} makes, by the index of the call. */
    public final Map<Integer, Value.StackObj> enumValues = new HashMap<>();
    /** The constant each GETSTATIC of an enum constant (its ordinal) or of a static final known at translation loads, by instruction index. */
    public final Map<Integer, Long> staticConstants = new HashMap<>();
    /** Each GETFIELD of a final number field of an enum value: the field's value by ordinal (frontend's EnumFields). */
    public final Map<Integer, long[]> enumFields = new HashMap<>();
    /**
     * Instructions that throw in Java with the constants of the frame last seen there (an array index out of range, a
     * division by zero), with the refusal, by instruction index. Only the fixpoint's frame counts: a loop's first pass
     * sees {@code a[i - 1]} with i = 0 behind a test the loop goes past, and the first path to reach a join may bring a
     * constant the others do not ({@code x % (d == 0 ? 0 : y / d)} behind a test of that same value against zero).
     */
    final Map<Integer, String> constantFaults = new TreeMap<>();
    /**
     * Variables of the methods this body is inlined into that refer to an element of a struct array at the call, each
     * as {@code element internal name} and {@code "variable v (File.java:12)"}: replacing an element of that type here
     * would change what they see.
     */
    final java.util.Map<String, String> heldByCallers = new java.util.LinkedHashMap<>();

    /** The element classes of struct arrays whose elements this body (or a method it calls) replaces, for the callers' check. */
    final java.util.Set<String> replacedElements = new java.util.HashSet<>();

    /** The copies into struct fields made on the way to any return (CopySteps), for the caller of an inlined body. */
    CopyFacts exitCopies = CopyFacts.NONE;
    /** True once a path has reached a return: until then the exit knows everything (a merge's neutral element). */
    boolean exited;
    /** The body this one is inlined into and the index of the call there; null for a program or a BPF function. */
    MethodAnalysis inlinedInto;
    int inlinedAt;

    /** Outstanding ring buffer reservations when the method returns (the most over all returns). */
    int exitReservations;

    MethodAnalysis(MethodNode method, String owner, String file, long context) {
        super(method, file);
        this.ownerInternalName = owner;
        this.frames = new Frame[insns.length];
        this.context = context;
    }

    /**
     * Records that the instruction at {@code index} throws in Java with the constants of the frame it is stepped with
     * ({@code refusal}), or with null that it does not; the translation is refused if the fixpoint's frame still throws.
     */
    public void constantFault(int index, String refusal) {
        if (refusal != null) constantFaults.put(index, refusal);
        else constantFaults.remove(index);
    }

    /** A number unique to instruction {@code index} of this inlined body, for value identities. */
    public long site(int index) { return context * 65599L + index + 1; }
}
