package org.jbpf.it.language;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.jbpf.BPF;
import org.jbpf.it.Backend;
import org.jbpf.it.KernelCheck;
import org.jbpf.it.newuser.ComputingProbesKernelTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Java constructs a programmer writes without thinking of BPF (var, enhanced for, switch expressions, exhaustive enum
 * switches, boxed compares, try/finally, instanceof on the context, boolean arrays, System.nanoTime, ...): each probe
 * translates on both backends and computes in the kernel what {@code compute(a, b)} computes on the JVM, for every
 * input of {@link ComputingProbesKernelTest}. What is refused instead is pinned in {@link LanguageRefusalsTest}.
 */
class LanguageCorpusKernelTest {
    static final List<Class<?>> PROBES = List.of(
            EnhancedForLocal.class, VarAndFinal.class, CharMath.class, SwitchYield.class, EnumSwitchArrow.class,
            ContextInstanceof.class, NestedStructFields.class, MathHelpers.class, DigitHelpers.class, StructTernary.class,
            ByteTable.class, EarlyReturnInLoop.class, LabelledBreak.class, TryFinally.class, BoxedCompares.class,
            TextForPrintk.class, WhileWithBreak.class, NarrowTypes.class, StaticHelperChain.class, ConditionalAndOr.class,
            LongMathHelpers.class, BooleanArray.class, NanoTime.class, StructHelperObject.class, LocalStructArray.class,
            StructArrayIndexes.class, IntTableLookup.class, LongTableLookup.class, NumberTables.class, StructArrayField.class,
            StructArrayNested.class, EnumWithField.class, ConstantTables.class,
            // the second audit round: what else Java programmers write
            VariableShifts.class, UnsignedMath.class, FloorModDiv.class, NarrowOverflow.class, CompoundAssignFields.class,
            NestedTernaries.class, DoWhileLoop.class, LabelledContinue.class, LocalRecords.class, ManyArguments.class,
            StaticFinalKinds.class, BitMethods.class, WidthCasts.class, IntegerOverflow.class, SwitchFallThrough.class,
            BooleanLogic.class, ReverseLoops.class, SignedDivision.class, ByteBitOps.class, OverloadedHelpers.class,
            EarlyExitNested.class, LongCompares.class, VarShadowing.class, StringsSwitch.class, OtherClassHelpers.class,
            ArrayInitializers.class, SideEffectOrder.class, LongDivisionEdges.class, StructArrayInFunction.class,
            // the third: builders, records, interfaces, varargs, sorting and searching, boxes, sparse and narrow switches
            FluentStructSetters.class, StructCompareMethods.class, RecordCompactConstructor.class, InterfaceStaticMethods.class,
            VarargsNumbers.class, BubbleSort.class, BinarySearchTable.class, EuclidGcd.class, BoxedArithmetic.class,
            BoxedHelperParameter.class, SparseSwitch.class, NestedSwitchExpressions.class, NarrowSwitch.class, BooleanCompound.class,
            ConditionalShifts.class, LongLoopCounter.class, NamedSizeArrays.class, NarrowCompares.class, HashCodes.class,
            MinMaxEdges.class, CommCharClasses.class, StructFlagFields.class, InstanceofStructPatterns.class,
            ArrayCopiesIndependent.class,
            // the fourth: array element compounds of every width, masked shift amounts, records with interfaces, labelled blocks
            ArrayElementCompound.class, ConstantShiftAmounts.class, NarrowUnsignedConversions.class, CharLoopCounters.class,
            LabelledBlocks.class, CompoundWideOperands.class, RecordDefaultMethods.class, RecordAccessorOverride.class,
            RecordOwnEquals.class, FloorMathMixed.class, OverlappingArrayCopy.class, LongMultiplication.class, NestedStaticClasses.class,
            ChainedAssignments.class, StructAliasing.class, TernaryPromotions.class, ObjectsEqualsBoxes.class, AssignInConditions.class,
            WideningArguments.class, GenericBoundedHelpers.class, BoxConversions.class, RangeEdges.class, DivideByConstants.class,
            ArrayClones.class, ShortCircuitEffects.class, WideConstants.class, ManyLiveValues.class, GenericStructHelpers.class,
            ScopedSlots.class, DeepRecords.class, InterfacePrivateMethods.class, EnumOtherFile.class, OverflowLoopExit.class,
            // the fifth: arrays and structs stored into struct fields, which hold copies where Java shares
            CopiedIntoStructs.class, NestedClassTable.class, NestedInterfaceTable.class, EnumOrdinals.class, NarrowShiftCompound.class,
            MinValueEdges.class, IntShiftWidening.class, DoWhileLabelled.class, ConstantEdgeFolding.class, ConstantStringMethods.class,
            StringLength.class, FinallyEdges.class, CharSwitches.class,
            // the sixth: copies into the same field of different structs, library methods at their edges, interface
            // defaults, struct choices, long constants chains, decimal text
            CopiesIntoTwoStructs.class, BooleanMethods.class, MultiplyHigh.class, SignedEdges.class, FloorMixedWidths.class,
            BitMethodEdges.class, InterfaceDefaults.class, StructTernaryChains.class, LongKeyedChains.class, DecimalText.class,
            NarrowStructFields.class, IncrementIdioms.class, RecordValues.class, FunctionMutatesStruct.class, VarargsEdges.class,
            GenericNumberHelpers.class, CharArithmeticWraps.class, NarrowArrayFields.class, GenericInterfaceHelpers.class,
            UnsignedDivisionEdges.class, BoxedNullTernary.class,
            // the seventh: lambdas that capture, enum constant loops, boolean[] fields, tables of records
            LoopCapturedLocal.class, LoopCapturedValues.class, EnumValuesLoop.class, EnumValuesArrays.class,
            StructBooleanArray.class, ByteShortCharHelpers.class, SealedRecordPatterns.class, SwitchYieldEnums.class,
            LoopCapturedInLoops.class,
            // the eighth: nested loops over outer locals, enum switches with fall-through, int and long mixed, shifts and
            // rotations by run-time amounts, char and short compounds, struct arrays sorted in place, early returns
            NestedLoopLocals.class, EnumSwitchDefaults.class, IntLongMixing.class, VariableShiftAmounts.class,
            CharShortArithmetic.class, StructArrayRanks.class, EarlyReturnsInLoops.class, CompoundShiftNarrow.class,
            DivisionEdgesMixed.class, UnsignedLoopBounds.class, AbsAndFloorEdges.class, RotatesByVariables.class,
            GroupedSwitchCases.class, TernaryWidths.class, BreaksInLabelledLoops.class,
            // static final tables of structs and records in read-only data
            StaticStructTable.class, StructTableIndexes.class);

    /** Loops LLVM's code keeps too precise bounds in for the kernel to merge its states: refused at the 1M limit. */
    static final List<Class<?>> DIRECT_ONLY = List.of(StaticHelperChain.class,
            // LLVM's code for a struct array element indexed in a loop body through the caller's stack loses the index's bound
            LoopCapturedInLoops.class,
            // the eighth: nested loops over outer locals, enum switches with fall-through, int and long mixed, shifts and
            // rotations by run-time amounts, char and short compounds, struct arrays sorted in place, early returns
            NestedLoopLocals.class, EnumSwitchDefaults.class, IntLongMixing.class, VariableShiftAmounts.class,
            CharShortArithmetic.class, StructArrayRanks.class, EarlyReturnsInLoops.class, CompoundShiftNarrow.class,
            DivisionEdgesMixed.class, UnsignedLoopBounds.class, AbsAndFloorEdges.class, RotatesByVariables.class,
            GroupedSwitchCases.class, TernaryWidths.class, BreaksInLabelledLoops.class,
            // static final tables of structs and records in read-only data
            StaticStructTable.class, StructTableIndexes.class);

    static Stream<Arguments> probes() {
        List<Arguments> all = new ArrayList<>();
        for (Backend backend : Backend.values())
            for (Class<?> probe : PROBES) if (backend == Backend.DIRECT || !DIRECT_ONLY.contains(probe)) all.add(Arguments.of(backend, probe));
        return all.stream();
    }

    @ParameterizedTest(name = "{1} ({0})")
    @MethodSource("probes")
    void kernelComputesWhatTheJvmComputes(Backend backend, Class<?> probe) throws Exception {
        ComputingProbesKernelTest.checkAgainstJvm(backend, probe);
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void nanoTimeReadsTheJvmsClock(Backend backend) {
        var object = backend.translate(ClockReading.class);
        KernelCheck.require();
        try (BPF bpf = BPF.load(object, ClockReading.class)) {
            for (int round = 0; round < 5; round++) {
                long before = System.nanoTime();
                assertEquals(2, bpf.program("run").testRun(new byte[64], 1).retval());
                long after = System.nanoTime();
                long kernel = bpf.map(ClockReading.out).get(0);
                assertTrue(before <= kernel && kernel <= after, "kernel nanoTime " + kernel + " outside the JVM's " + before + ".." + after);
            }
        }
    }

    /** Values looked up, updated and looked up again in a loop: each turn sees what the update left, run after run. */
    @ParameterizedTest
    @EnumSource(Backend.class)
    void lookupsAfterUpdatesInALoop(Backend backend) {
        var object = backend.translate(LookupUpdateLoop.class);
        KernelCheck.require();
        try (BPF bpf = BPF.load(object, LookupUpdateLoop.class)) {
            long[] cells = new long[4];
            for (long a : new long[] {5, -3, 1L << 40}) {
                bpf.map(LookupUpdateLoop.in).put(0, a);
                long total = 0;
                for (int k = 0; k < 4; k++) {
                    total += cells[k];
                    cells[k] = cells[k] + a + k;
                    total += cells[k] * 3;
                }
                assertEquals(2, bpf.program("count").testRun(new byte[64], 1).retval());
                assertEquals(total, bpf.map(LookupUpdateLoop.out).get(0), "a = " + a);
                for (int k = 0; k < 4; k++) assertEquals(cells[k], bpf.map(LookupUpdateLoop.cells).get(k), "cell " + k);
            }
        }
    }

    /**
     * A value looked up under one key, its map then written under others (update, increment, add; a hash map's
     * delete and insert again), then used: it is the value it was, as in Java, for array, hash and per-CPU maps.
     */
    @ParameterizedTest
    @EnumSource(Backend.class)
    void aValueLookedUpKeepsItsValueWhenOtherKeysAreWritten(Backend backend) {
        var object = backend.translate(LookupsUnderOtherKeys.class);
        KernelCheck.require();
        String[] programs = {"array", "hash", "perCpuArray", "perCpuHash"};
        int runs = 0;
        try (BPF bpf = BPF.load(object, LookupsUnderOtherKeys.class)) {
            for (long[] ab : new long[][] {{5, 9}, {-3, 1L << 40}, {Long.MIN_VALUE, -1}, {0, 0}, {123456789, -987654321}}) {
                bpf.map(LookupsUnderOtherKeys.in).put(0, ab[0]);
                bpf.map(LookupsUnderOtherKeys.in).put(1, ab[1]);
                for (int k = 0; k < programs.length; k++) {
                    assertEquals(2, bpf.program(programs[k]).testRun(new byte[64], 1).retval(), programs[k]);
                    assertEquals(LookupsUnderOtherKeys.expected(ab[0], ab[1]), bpf.map(LookupsUnderOtherKeys.out).get(k),
                            programs[k] + "(" + ab[0] + ", " + ab[1] + ")");
                    runs++;
                }
            }
        }
        assertEquals(20, runs);
    }

    /** Struct values looked up, their map written under another key, then read and written through: as the JVM computes. */
    @ParameterizedTest
    @EnumSource(Backend.class)
    void structValuesKeepTheirFieldsWhenOtherKeysAreWritten(Backend backend) {
        var object = backend.translate(StructValuesUnderOtherKeys.class);
        KernelCheck.require();
        int runs = 0;
        try (BPF bpf = BPF.load(object, StructValuesUnderOtherKeys.class)) {
            for (long[] ab : new long[][] {{5, 9}, {-3, 1L << 40}, {Long.MIN_VALUE, -1}, {0, 0}, {123456789, -987654321}}) {
                bpf.map(StructValuesUnderOtherKeys.in).put(0, ab[0]);
                bpf.map(StructValuesUnderOtherKeys.in).put(1, ab[1]);
                String[] programs = {"array", "hash"};
                for (int k = 0; k < 2; k++) {
                    assertEquals(2, bpf.program(programs[k]).testRun(new byte[64], 1).retval(), programs[k]);
                    assertEquals(StructValuesUnderOtherKeys.expected(ab[0], ab[1]), bpf.map(StructValuesUnderOtherKeys.out).get(k),
                            programs[k] + "(" + ab[0] + ", " + ab[1] + ")");
                    runs++;
                }
            }
        }
        assertEquals(10, runs);
    }

    /**
     * A value looked up under a computed key, then its map written under keys the program compared with it as unequal
     * (ints, longs, a constant): it is the value it was, as in Java, over edge and random inputs (equal keys included).
     */
    @ParameterizedTest
    @EnumSource(Backend.class)
    void keysComparedAsUnequalLeaveTheValue(Backend backend) {
        var object = backend.translate(KeysComparedUnequal.class);
        KernelCheck.require();
        int runs = 0;
        try (BPF bpf = BPF.load(object, KeysComparedUnequal.class)) {
            for (long[] ab : org.jbpf.it.newuser.ComputingProbesKernelTest.INPUTS) {
                bpf.map(KeysComparedUnequal.in).put(0, ab[0]);
                bpf.map(KeysComparedUnequal.in).put(1, ab[1]);
                assertEquals(2, bpf.program("run").testRun(new byte[64], 1).retval());
                assertEquals(KeysComparedUnequal.expected(ab[0], ab[1]), bpf.map(KeysComparedUnequal.out).get(0), ab[0] + ", " + ab[1]);
                runs++;
            }
        }
        assertEquals(org.jbpf.it.newuser.ComputingProbesKernelTest.INPUTS.size(), runs);
    }

    /**
     * A value looked up under a computed key, then its map written under keys the program found below or above it
     * (ints, longs, constants; array, per-CPU array and hash maps): it is the value it was, as in Java, over the inputs.
     */
    @ParameterizedTest
    @EnumSource(Backend.class)
    void keysComparedInOrderLeaveTheValue(Backend backend) {
        var object = backend.translate(KeysComparedInOrder.class);
        KernelCheck.require();
        int runs = 0;
        try (BPF bpf = BPF.load(object, KeysComparedInOrder.class)) {
            for (long[] ab : ComputingProbesKernelTest.INPUTS) {
                bpf.map(KeysComparedInOrder.in).put(0, ab[0]);
                bpf.map(KeysComparedInOrder.in).put(1, ab[1]);
                assertEquals(2, bpf.program("run").testRun(new byte[64], 1).retval());
                assertEquals(KeysComparedInOrder.expected(ab[0], ab[1]), bpf.map(KeysComparedInOrder.out).get(0), ab[0] + ", " + ab[1]);
                runs++;
            }
        }
        assertEquals(ComputingProbesKernelTest.INPUTS.size(), runs);
    }

    /**
     * Values looked up under @Struct keys, then their maps written under keys with a field holding another constant
     * (hash and per-CPU hash maps): the values are what they were, as in Java, over the inputs.
     */
    @ParameterizedTest
    @EnumSource(Backend.class)
    void structKeysWithOtherConstantsLeaveTheValue(Backend backend) {
        var object = backend.translate(StructKeysDiffer.class);
        KernelCheck.require();
        int runs = 0;
        try (BPF bpf = BPF.load(object, StructKeysDiffer.class)) {
            for (long[] ab : ComputingProbesKernelTest.INPUTS) {
                bpf.map(StructKeysDiffer.in).put(0, ab[0]);
                bpf.map(StructKeysDiffer.in).put(1, ab[1]);
                assertEquals(2, bpf.program("run").testRun(new byte[64], 1).retval());
                assertEquals(StructKeysDiffer.expected(ab[0], ab[1]), bpf.map(StructKeysDiffer.out).get(0), ab[0] + ", " + ab[1]);
                runs++;
            }
        }
        assertEquals(ComputingProbesKernelTest.INPUTS.size(), runs);
    }

    /** A value looked up, then deleted from its hash map, then used: it is the value it was, as in Java. */
    @ParameterizedTest
    @EnumSource(Backend.class)
    void aValueLookedUpThenDeletedKeepsItsValue(Backend backend) {
        var object = backend.translate(LookupUpdateLoop.class);
        KernelCheck.require();
        try (BPF bpf = BPF.load(object, LookupUpdateLoop.class)) {
            for (long[] c : new long[][] {{100, 58}, {-3, 1L << 40}}) {
                bpf.map(LookupUpdateLoop.in).put(0, c[0]);
                bpf.map(LookupUpdateLoop.starts).put(7, c[1]);
                assertEquals(2, bpf.program("elapsed").testRun(new byte[64], 1).retval());
                assertEquals(c[0] - c[1], bpf.map(LookupUpdateLoop.out).get(0));
                assertNull(bpf.map(LookupUpdateLoop.starts).get(7), "the start is deleted");
                assertEquals(1, bpf.program("elapsed").testRun(new byte[64], 1).retval(), "no start: XDP_DROP");
            }
        }
    }

    /** Map lookups compared as boxed numbers, with the optional value absent for odd inputs: as {@code combine} on the JVM. */
    @ParameterizedTest
    @EnumSource(Backend.class)
    void boxedComparesOnLookups(Backend backend) {
        var object = backend.translate(BoxedLookups.class);
        KernelCheck.require();
        int runs = 0;
        try (BPF bpf = BPF.load(object, BoxedLookups.class)) {
            var in = bpf.map(BoxedLookups.in);
            var optional = bpf.map(BoxedLookups.optional);
            for (long[] ab : ComputingProbesKernelTest.INPUTS) {
                Long z = (ab[0] & 1) == 0 ? Long.valueOf(ab[1] & 7) : null;
                in.put(0, ab[0]);
                in.put(1, ab[1]);
                if (z == null) optional.remove(0); else optional.put(0, z);
                assertEquals(2, bpf.program("run").testRun(new byte[64], 1).retval());
                assertEquals(BoxedLookups.combine(ab[0], ab[1], z), bpf.map(BoxedLookups.out).get(0),
                        "combine(" + ab[0] + ", " + ab[1] + ", " + z + ")");
                runs++;
            }
        }
        assertEquals(ComputingProbesKernelTest.INPUTS.size(), runs);
    }

    /** Boxes looked up in maps, narrowed, widened and compared through generic helpers: as {@code combine} on the JVM. */
    @ParameterizedTest
    @EnumSource(Backend.class)
    void boxedLookupsConvert(Backend backend) {
        var object = backend.translate(BoxedLookupConversions.class);
        KernelCheck.require();
        int runs = 0;
        try (BPF bpf = BPF.load(object, BoxedLookupConversions.class)) {
            var in = bpf.map(BoxedLookupConversions.in);
            var ints = bpf.map(BoxedLookupConversions.ints);
            for (long[] ab : ComputingProbesKernelTest.INPUTS) {
                in.put(0, ab[0]);
                in.put(1, ab[1]);
                ints.put(0, (int) (ab[0] ^ ab[1]));
                assertEquals(2, bpf.program("run").testRun(new byte[64], 1).retval());
                assertEquals(BoxedLookupConversions.combine(ab[0], ab[1], (int) (ab[0] ^ ab[1])), bpf.map(BoxedLookupConversions.out).get(0),
                        "combine(" + ab[0] + ", " + ab[1] + ")");
                runs++;
            }
        }
        assertEquals(ComputingProbesKernelTest.INPUTS.size(), runs);
    }

    /** printk of text blocks, String constants, percent signs and chars: each writes as many bytes as Java's text has. */
    @ParameterizedTest
    @EnumSource(Backend.class)
    void printkWritesJavasText(Backend backend) {
        var object = backend.translate(PrintkText.class);
        KernelCheck.require();
        try (BPF bpf = BPF.load(object, PrintkText.class)) {
            var in = bpf.map(PrintkText.in);
            for (long[] ab : ComputingProbesKernelTest.INPUTS.subList(0, 60)) {
                in.put(0, ab[0]);
                in.put(1, ab[1]);
                assertEquals(2, bpf.program("run").testRun(new byte[64], 1).retval());
                String[] lines = PrintkText.expected(ab[0], ab[1]);
                for (int k = 0; k < lines.length; k++)
                    assertEquals((long) lines[k].length(), bpf.map(PrintkText.out).get(k), lines[k].replace("\n", "\\n") + " (" + backend + ")");
            }
        }
    }

    /** Out of range, a store through an element does nothing and a read gives 0; in range, the element as in Java. */
    @ParameterizedTest
    @EnumSource(Backend.class)
    void structArrayIndexesOutOfRange(Backend backend) {
        var object = backend.translate(StructArrayOutOfRange.class);
        KernelCheck.require();
        long[] indexes = {-1, 0, 1, 2, 3, 100, Integer.MIN_VALUE, Integer.MAX_VALUE, 1L << 32};
        int runs = 0;
        try (BPF bpf = BPF.load(object, StructArrayOutOfRange.class)) {
            var in = bpf.map(StructArrayOutOfRange.in);
            for (long a : indexes) {
                for (long b : indexes) {
                    in.put(0, a);
                    in.put(1, b);
                    assertEquals(2, bpf.program("run").testRun(new byte[64], 1).retval());
                    long[] hits = new long[3];
                    int ia = (int) a, ib = (int) b;
                    if (ia >= 0 && ia < 3) hits[ia] = 7;
                    long first = ib >= 0 && ib < 3 ? hits[ib] : 0;
                    if (ib >= 0 && ib < 3) hits[ib] = 9;
                    long again = ib >= 0 && ib < 3 ? hits[ib] : 0;
                    long expected = first * 10000 + again * 1000 + hits[0] * 100 + hits[1] * 10 + hits[2];
                    assertEquals(expected, bpf.map(StructArrayOutOfRange.out).get(0), "indexes " + a + ", " + b);
                    runs++;
                }
            }
        }
        assertEquals(indexes.length * indexes.length, runs);
    }

    /** A static final table of records read at indexes from the input: in range its element, out of range zeros. */
    @ParameterizedTest
    @EnumSource(Backend.class)
    void structTableIndexesOutOfRange(Backend backend) {
        var object = backend.translate(StructTableOutOfRange.class);
        KernelCheck.require();
        long[] indexes = {-1, 0, 1, 2, 3, 100, Integer.MIN_VALUE, Integer.MAX_VALUE, 1L << 32, (1L << 32) + 1};
        try (BPF bpf = BPF.load(object, StructTableOutOfRange.class)) {
            for (long a : indexes) {
                bpf.map(StructTableOutOfRange.in).put(0, a);
                assertEquals(2, bpf.program("run").testRun(new byte[64], 1).retval());
                int k = (int) a;
                boolean inRange = k >= 0 && k < StructTableOutOfRange.LIMITS.length;
                assertEquals(inRange ? StructTableOutOfRange.LIMITS[k].low() : 0L, bpf.map(StructTableOutOfRange.out).get(0), "low at " + a);
                assertEquals(inRange ? StructTableOutOfRange.LIMITS[k].high() : 0L, bpf.map(StructTableOutOfRange.out).get(1), "high at " + a);
            }
        }
    }

    /** A ternary of a lookup and a boxed number kept boxed, with the key present (a value from the inputs) or absent. */
    @ParameterizedTest
    @EnumSource(Backend.class)
    void boxedTernaryOfLookupAndConstant(Backend backend) {
        var object = backend.translate(BoxedTernary.class);
        KernelCheck.require();
        int runs = 0;
        try (BPF bpf = BPF.load(object, BoxedTernary.class)) {
            var in = bpf.map(BoxedTernary.in);
            var optional = bpf.map(BoxedTernary.optional);
            for (long[] ab : ComputingProbesKernelTest.INPUTS) {
                Long z = (ab[1] & 3) == 0 ? null : Long.valueOf(ab[1] % 1000);
                in.put(0, ab[0]);
                if (z == null) optional.remove(0); else optional.put(0, z);
                assertEquals(2, bpf.program("run").testRun(new byte[64], 1).retval());
                assertEquals(BoxedTernary.combine(ab[0], z), bpf.map(BoxedTernary.out).get(0), "combine(" + ab[0] + ", " + z + ")");
                runs++;
            }
        }
        assertEquals(ComputingProbesKernelTest.INPUTS.size(), runs);
    }

    /**
     * Ternaries of a lookup and null, with each key present or absent (values from the inputs): the kernel's result is
     * {@code combine} of what Java's lookups give, and a found value is incremented in its map as the program does.
     */
    @ParameterizedTest
    @EnumSource(Backend.class)
    void lookupOrNullTernaries(Backend backend) {
        var object = backend.translate(LookupOrNullTernary.class);
        KernelCheck.require();
        int runs = 0, found = 0;
        try (BPF bpf = BPF.load(object, LookupOrNullTernary.class)) {
            var longs = bpf.map(LookupOrNullTernary.longs);
            var ints = bpf.map(LookupOrNullTernary.ints);
            var pairs = bpf.map(LookupOrNullTernary.pairs);
            for (long[] ab : ComputingProbesKernelTest.INPUTS) {
                long a = ab[0], b = ab[1];
                longs.clear();
                ints.clear();
                pairs.clear();
                if ((b & 8) == 0) longs.put(b, b * 3);
                if ((b & 16) == 0) longs.put(a, a ^ 5);
                if ((b & 32) == 0) ints.put((int) a, (int) b);
                LookupOrNullTernary.Pair pair = new LookupOrNullTernary.Pair();
                pair.x = a >> 3;
                pair.y = b;
                if ((b & 64) == 0) pairs.put(a, pair);
                Long v = (a & 1) == 0 ? longs.get(b) : null;
                Long w = (a & 2) == 0 ? null : longs.get(a);
                Integer i = a > b ? ints.get((int) a) : null;
                LookupOrNullTernary.Pair p = (a & 4) != 0 ? pairs.get(a) : null;
                long expected = p == null ? LookupOrNullTernary.combine(v, w, i, false, 0, 0) : LookupOrNullTernary.combine(v, w, i, true, p.x, p.y);
                bpf.map(LookupOrNullTernary.in).put(0, a);
                bpf.map(LookupOrNullTernary.in).put(1, b);
                assertEquals(2, bpf.program("run").testRun(new byte[64], 1).retval());
                assertEquals(expected, bpf.map(LookupOrNullTernary.out).get(0), "a = " + a + ", b = " + b);
                if (w != null) assertEquals(w + 1, longs.get(a), "the found value, incremented");
                if (v != null && w != null && i != null && p != null) found++;
                runs++;
            }
        }
        assertEquals(ComputingProbesKernelTest.INPUTS.size(), runs);
        assertTrue(found > 0, "every lookup found its value in some run");
    }

    /** Each of the four keys present or absent (16 cases, values from the inputs): as {@code combine} on the JVM. */
    @ParameterizedTest
    @EnumSource(Backend.class)
    void boxedDefaultsForAbsentValues(Backend backend) {
        var object = backend.translate(DefaultWhenAbsent.class);
        KernelCheck.require();
        int runs = 0;
        try (BPF bpf = BPF.load(object, DefaultWhenAbsent.class)) {
            var seen = bpf.map(DefaultWhenAbsent.seen);
            for (long[] ab : ComputingProbesKernelTest.INPUTS.subList(0, 40)) {
                for (int present = 0; present < 16; present++) {
                    Long[] values = new Long[4];
                    for (int k = 0; k < 4; k++) {
                        values[k] = (present & (1 << k)) != 0 ? Long.valueOf(k % 2 == 0 ? ab[0] : ab[1]) : null;
                        if (values[k] == null) seen.remove(k); else seen.put(k, values[k]);
                    }
                    assertEquals(2, bpf.program("run").testRun(new byte[64], 1).retval());
                    long expected = DefaultWhenAbsent.combine(values[0] == null ? 0L : values[0], values[1], values[2], values[3]);
                    assertEquals(expected, bpf.map(DefaultWhenAbsent.out).get(0), "values " + java.util.Arrays.toString(values));
                    runs++;
                }
            }
        }
        assertEquals(40 * 16, runs);
    }

    /**
     * @Constant tables set from Java before loading (an int[], a long[] and a short[] shorter than the table, padded
     * with zeros): the kernel computes what compute does on the JVM with the same tables.
     */
    @ParameterizedTest
    @EnumSource(Backend.class)
    void constantTablesSetBeforeLoading(Backend backend) throws Exception {
        var object = backend.translate(ConstantTables.class);
        KernelCheck.require();
        int[] weights = {10, -20, 30, 1 << 30};
        long[] limits = {5, -6, Long.MIN_VALUE};
        short[] marks = {300};
        int[] jvmWeights = ConstantTables.weights;
        long[] jvmLimits = ConstantTables.limits;
        short[] jvmMarks = ConstantTables.marks;
        int runs = 0;
        try (BPF bpf = BPF.builder(object, ConstantTables.class).constant("weights", weights).constant("limits", limits)
                .constant("marks", marks).load()) {
            ConstantTables.weights = weights;
            ConstantTables.limits = limits;
            ConstantTables.marks = new short[] {300, 0};
            var in = bpf.map(ConstantTables.in);
            for (long[] ab : ComputingProbesKernelTest.INPUTS) {
                in.put(0, ab[0]);
                in.put(1, ab[1]);
                assertEquals(2, bpf.program("run").testRun(new byte[64], 1).retval());
                assertEquals(ConstantTables.compute(ab[0], ab[1]), bpf.map(ConstantTables.out).get(0), "compute(" + ab[0] + ", " + ab[1] + ")");
                runs++;
            }
        } finally {
            ConstantTables.weights = jvmWeights;
            ConstantTables.limits = jvmLimits;
            ConstantTables.marks = jvmMarks;
        }
        assertEquals(ComputingProbesKernelTest.INPUTS.size(), runs);
        var e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> BPF.builder(object, ConstantTables.class).constant("weights", new long[] {1}).object());
        assertEquals("constant weights of ConstantTables is a table of 4-byte numbers; pass an int[], not a long[]", e.getMessage());
    }

    /** A static int[] the program changes in place is a global Java reads back: one count per run in the slot of a & 3. */
    @ParameterizedTest
    @EnumSource(Backend.class)
    void numberTableCountsInPlace(Backend backend) {
        var object = backend.translate(NumberTables.class);
        KernelCheck.require();
        long[] expected = new long[4];
        try (BPF bpf = BPF.load(object, NumberTables.class)) {
            var in = bpf.map(NumberTables.in);
            for (long[] ab : ComputingProbesKernelTest.INPUTS) {
                in.put(0, ab[0]);
                in.put(1, ab[1]);
                assertEquals(2, bpf.program("run").testRun(new byte[64], 1).retval());
                expected[(int) (ab[0] & 3)]++;
            }
            byte[] bytes = bpf.global("counts").bytes();
            assertEquals(16, bytes.length);
            java.nio.ByteBuffer counts = java.nio.ByteBuffer.wrap(bytes).order(java.nio.ByteOrder.LITTLE_ENDIAN);
            for (int k = 0; k < 4; k++) assertEquals(expected[k], counts.getInt(4 * k), "counts[" + k + "]");
        }
    }
}
