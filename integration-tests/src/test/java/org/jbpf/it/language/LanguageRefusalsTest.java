package org.jbpf.it.language;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.stream.Stream;
import org.jbpf.it.Backend;
import org.jbpf.translator.TranslationException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The other half of the corpus: Java a programmer may write that has no BPF form (exceptions, locks, strings, floats,
 * library objects, recursion, arrays of objects or of arrays, struct array stores that Java would share, copies into struct fields that a later
 * write would tell from Java's shared object). Each is refused at its Java line with one sentence that
 * says what to write instead; the whole message is pinned. The refusal comes from the shared analysis, before either
 * backend's code generation.
 */
class LanguageRefusalsTest {
    static Stream<Arguments> refusals() {
        return Stream.of(
            Arguments.of(CopiedArrayWritten.class,
                    "CopiedArrayWritten.java:30: v is copied into Buf.values here, where Java would share one array " +
                    "between them: a struct holds its arrays and structs in place, so the write to v at line 31 would not " +
                    "reach Buf.values, read at line 32; finish v before it is stored, or write through Buf.values " +
                    "afterwards"),
            Arguments.of(CopiedArrayReadBack.class,
                    "CopiedArrayReadBack.java:35: v is copied into Buf.values here, where Java would share one array " +
                    "between them: a struct holds its arrays and structs in place, so the write to Buf.values at line 36 " +
                    "would not reach v, read at line 37; read through Buf.values once v is stored"),
            Arguments.of(CopiedStructWritten.class,
                    "CopiedStructWritten.java:41: p is copied into Segment.from here, where Java would share one struct " +
                    "between them: a struct holds its arrays and structs in place, so the write to p at line 42 would not " +
                    "reach Segment.from, read at line 43; finish p before it is stored, or write through Segment.from " +
                    "afterwards"),
            Arguments.of(CopiedBeforeMapUpdate.class,
                    "CopiedBeforeMapUpdate.java:32: buckets is copied into Hist.buckets here, where Java would share one " +
                    "array between them: a struct holds its arrays and structs in place, so the write to buckets at line " +
                    "33 would not reach Hist.buckets, given to update at line 34; finish buckets before it is stored, or " +
                    "write through Hist.buckets afterwards"),
            Arguments.of(CopiedInHelper.class,
                    "CopiedInHelper.java:34: v is copied into Buf.values here, where Java would share one array between " +
                    "them: a struct holds its arrays and structs in place, so the write to v at line 35 would not reach " +
                    "Buf.values, read at line 36; finish v before it is stored, or write through Buf.values afterwards"),
            Arguments.of(CopiedMapValue.class,
                    "CopiedMapValue.java:43: p is copied into Segment.to here, where Java would share one struct between " +
                    "them: a struct holds its arrays and structs in place, so the write to p at line 44 would not reach " +
                    "Segment.to, read at line 45; finish p before it is stored, or write through Segment.to afterwards"),
            Arguments.of(AssertStatement.class,
                    "AssertStatement.java:24: assert cannot be translated: a BPF program has no exception to throw; test " +
                    "the condition with if and return early, or count the failures in a map"),
            Arguments.of(CharacterHelpers.class,
                    "CharacterHelpers.java:25: cannot call java.lang.Character.isDigit in a BPF program; compare the " +
                    "char with character constants instead (Java's Character methods know all of Unicode), e.g. c >= '0' && " +
                    "c <= '9'"),
            Arguments.of(CurrentTime.class,
                    "CurrentTime.java:24: cannot call java.lang.System.currentTimeMillis in a BPF program: it reads the " +
                    "wall clock, which BPF programs cannot; use System.nanoTime(), the kernel's monotonic clock (the " +
                    "JVM's nanoTime on Linux), and convert in Java"),
            Arguments.of(ExactArithmetic.class,
                    "ExactArithmetic.java:24: cannot call java.lang.Math.addExact in a BPF program: it throws on " +
                    "overflow, which a BPF program cannot; use the plain operator and test the result (a sum of " +
                    "positives below either operand overflowed)"),
            Arguments.of(FloatMath.class,
                    "FloatMath.java:24: float and double are not supported in BPF programs; use int or long (e.g. " +
                    "fixed-point scaled by 1000)"),
            Arguments.of(InstanceState.class,
                    "InstanceState.java:32: cannot create a org.jbpf.it.language.InstanceState$Accumulator in a BPF " +
                    "program; only @Struct classes can be created with new: annotate Accumulator with @Struct (its " +
                    "fields are then kept on the BPF stack and its methods inlined)"),
            Arguments.of(ListOfNumbers.class,
                    "ListOfNumbers.java:26: cannot create a java.util.ArrayList in a BPF program; only @Struct classes " +
                    "can be created with new: keep data in local primitive arrays, @Struct objects or maps"),
            Arguments.of(ObjectsHash.class,
                    "ObjectsHash.java:25: arrays of objects are not supported; javac makes one here for the arguments of " +
                    "a call with variable arguments (Objects.hash, String.format): compute the value from the numbers " +
                    "instead, e.g. 31 * a + b"),
            Arguments.of(RecursiveHelper.class,
                    "RecursiveHelper.java:24: recursive call of gcd; BPF programs cannot recurse, write a bounded loop " +
                    "instead"),
            Arguments.of(StringEquals.class,
                    "StringEquals.java:26: cannot create a java.lang.String in a BPF program: strings do not exist in " +
                    "BPF programs; keep text in a byte[] (e.g. filled by Helpers.comm(buf) or probeReadUserStr) and " +
                    "compare it with Strings.equals(buf, \"bash\") or Strings.startsWith(buf, \"/etc/\") (a switch over " +
                    "strings becomes if/else with Strings.equals), and give printk a string literal"),
            Arguments.of(StringSwitchTernary.class,
                    "StringSwitchTernary.java:25: variable kind holds a string chosen at run time (string \"up\" or string " +
                    "\"down\"), but strings exist in BPF programs only as constants; keep the choice in an int or an enum " +
                    "(and switch over that), or keep text in a byte[] and compare it with Strings.equals(buf, \"bash\") in " +
                    "an if/else chain instead of a switch"),
            Arguments.of(Synchronized.class,
                    "Synchronized.java:26: synchronized is not supported in BPF programs, which have no locks; update " +
                    "shared counts with a map's atomic operations (increment, add) instead"),
            Arguments.of(ThrowsException.class,
                    "ThrowsException.java:24: cannot create a java.lang.IllegalArgumentException in a BPF program, which " +
                    "cannot throw; return early with an error code (or count the failure in a map) instead"),
            Arguments.of(TwoDimensional.class,
                    "TwoDimensional.java:24: arrays of arrays (long[][]) are not supported; use one long[] of rows * " +
                    "columns elements and index it with row * columns + column"),
            Arguments.of(StructArrayFromVariable.class,
                    "StructArrayFromVariable.java:20: an element of a local StructArrayFromVariable.Slot[2] can only be " +
                    "assigned a new StructArrayFromVariable.Slot(..) made in the same statement: the array holds its " +
                    "structs in place, so storing one from a variable would copy it, where Java shares the object; set " +
                    "the element's fields instead (e.g. a[i].count = s.count)"),
            Arguments.of(StructArrayReplaceHeld.class,
                    "StructArrayReplaceHeld.java:22: this replaces an element of a local StructArrayReplaceHeld.Slot[2] " +
                    "while variable old refers to one: in Java it would keep the old StructArrayReplaceHeld.Slot, but " +
                    "the array holds its structs in place; copy the fields you need from it first, or set the element's " +
                    "fields instead of replacing it"),
            Arguments.of(StructArrayReplaceInHelper.class,
                    "StructArrayReplaceInHelper.java:17: this replaces an element of a local StructArrayReplaceInHelper.Slot[2] " +
                    "while variable old (held across the call at StructArrayReplaceInHelper.java:26) refers to one: in Java it " +
                    "would keep the old " +
                    "StructArrayReplaceInHelper.Slot, but the array holds its structs in place; copy the fields you need from it " +
                    "first, or set the element's fields instead of replacing it"),
            Arguments.of(ConstantTableWrite.class,
                    "ConstantTableWrite.java:15: @Constant table weights is read-only in programs; its numbers are set from Java " +
                    "before loading"),
            Arguments.of(NumberToString.class,
                    "NumberToString.java:24: cannot call java.lang.Integer.toString in a BPF program: strings do not " +
                    "exist in BPF programs; print numbers with a printk format (printk(\"n %d\", x)), or send them to Java " +
                    "in a map or ring record"),
            Arguments.of(MutualRecursion.class,
                    "MutualRecursion.java:24: recursive call of isEven; BPF programs cannot recurse, write a bounded loop " +
                    "instead"),
            Arguments.of(BoxedIdentity.class,
                    "BoxedIdentity.java:25: == on boxed numbers compares objects in Java (equal or not by the box cache), " +
                    "not values; compare the values with x.equals(y), or unbox one side (x.longValue() == y)"),
            Arguments.of(NoInlineManyArguments.class,
                    "NoInlineManyArguments.java:30: @NoInline method six cannot be a BPF function: it has 6 parameters, " +
                    "more than BPF's five argument registers; pass numbers, the context or @Struct references (at most " +
                    "five), or remove @NoInline"),
            Arguments.of(LambdaOperator.class,
                    "LambdaOperator.java:25: lambdas and method references can only be the loop body of Loops.repeat in " +
                    "BPF programs, which have no virtual calls; write the code as a static method and call it directly"),
            Arguments.of(DivisionByZeroConstant.class,
                    "DivisionByZeroConstant.java:24: division by the constant zero, which throws in Java and has no BPF " +
                    "form; divide by a value that cannot be zero, or test the divisor against zero with if first"),
            Arguments.of(RequireNonNull.class,
                    "RequireNonNull.java:25: Objects.requireNonNull throws when the value is null, which a BPF program " +
                    "cannot; test the value against null with if and return early instead"),
            Arguments.of(StructArrayReplaceInFunction.class,
                    "StructArrayReplaceInFunction.java:33: reset replaces elements of an array of Slot while variable old (held " +
                    "across the call at StructArrayReplaceInFunction.java:33) refers to one: in Java it would keep the old Slot, " +
                    "but the array holds its structs in place; copy the fields you need from it before the call, or set the " +
                    "element's fields instead of replacing it"),
            Arguments.of(EnumField.class,
                    "EnumField.java:33: field mode of @Struct State has type org.jbpf.it.language.EnumField$Mode; struct " +
                    "fields may be byte, boolean, short, char, int, long, @Size(n) arrays of byte, boolean, short, char, int, " +
                    "long or a @Struct, or another @Struct; keep an enum in a struct as its ordinal: declare mode an int, store Mode " +
                    "values with .ordinal() and read them back in Java with Mode.values()[n]"),
            Arguments.of(EnumMutableField.class,
                    "EnumMutableField.java:22: cannot read field uses of enum Mode in a BPF program, where an enum value is its " +
                    "ordinal; only final number fields that each constant's constructor sets from constant arguments are known " +
                    "there (LOW(1), HIGH(5)); otherwise compute the value from the enum with a switch (or index a static byte[] " +
                    "table with ordinal())"),
            Arguments.of(ProbeInstanceMethod.class,
                    "ProbeInstanceMethod.java:31: cannot create an instance of the probe class ProbeInstanceMethod: a " +
                    "BPF program has no objects other than @Struct ones; make its methods static and keep its state in " +
                    "maps or global variables (static fields)"),
            Arguments.of(StreamSum.class,
                    "StreamSum.java:26: cannot call java.util.Arrays.stream from a BPF program; write a loop over the " +
                    "elements instead (of java.util.Arrays, only fill and copyOf translate)"),
            Arguments.of(ArraysEquals.class,
                    "ArraysEquals.java:25: cannot call java.util.Arrays.equals from a BPF program; write a loop over the " +
                    "elements instead (of java.util.Arrays, only fill and copyOf translate)"),
            Arguments.of(StaticInitTable.class,
                    "StaticInitTable.java:30: int array field SQUARES is filled by code when the class loads (line 26), which a " +
                    "BPF program cannot repeat; initialise it with constants such as {1, 2, 3}, or fill it from Java after " +
                    "loading with bpf.global(\"SQUARES\").set(bytes)"),
            Arguments.of(MapKeyClassMismatch.class,
                    "MapKeyClassMismatch.java:13: map field counts is declared HashMap<Integer, Long> but made with Long.class " +
                    "as its key class, so Java would misread its keys; pass Integer.class, or declare the field HashMap<Long, Long>"),
            Arguments.of(MapValueClassMismatch.class,
                    "MapValueClassMismatch.java:12: map field totals is declared ArrayMap<Long> but made with Integer.class " +
                    "as its value class, so Java would misread its values; pass Long.class, or declare the field ArrayMap<Integer>"),
            Arguments.of(StructArrayReplaceInLoop.class,
                    "StructArrayReplaceInLoop.java:33: clear replaces elements of an array of Slot while variable old (held across " +
                    "the call at StructArrayReplaceInLoop.java:33) refers to one: in Java it would keep the old Slot, but the array " +
                    "holds its structs in place; copy the fields you need from it before the call, or set the element's fields " +
                    "instead of replacing it"),
            Arguments.of(StructArrayFieldShared.class,
                    "StructArrayFieldShared.java:26: this stores the array of StructArrayFieldShared.Table.slots into field " +
                    "StructArrayFieldShared.Table.slots: Java would then share one array between them, but a struct holds its " +
                    "arrays in place, so here the elements would be copied; copy them explicitly with a loop over each element's " +
                    "fields if a copy is what you mean, or keep using the one array where it is"),
            Arguments.of(NumberArrayFieldShared.class,
                    "NumberArrayFieldShared.java:25: this stores the array of NumberArrayFieldShared.Hist.buckets into field " +
                    "NumberArrayFieldShared.Hist.buckets: Java would then share one array between them, but a struct holds its " +
                    "arrays in place, so here the elements would be copied; copy them explicitly with System.arraycopy if a copy " +
                    "is what you mean, or keep using the one array where it is"),
            Arguments.of(StringBuilderText.class,
                    "StringBuilderText.java:25: cannot create a java.lang.StringBuilder in a BPF program: strings do not exist in " +
                    "BPF programs; keep text in a byte[] (e.g. filled by Helpers.comm(buf) or probeReadUserStr) and compare it " +
                    "with Strings.equals(buf, \"bash\") or Strings.startsWith(buf, \"/etc/\") (a switch over strings becomes " +
                    "if/else with Strings.equals), and give printk a string literal"),
            Arguments.of(CatchArithmetic.class,
                    "CatchArithmetic.java:26: method compute uses try/catch or try-with-resources; BPF programs have no " +
                    "exceptions, test values with if instead"),
            Arguments.of(RecordEquals.class,
                    "RecordEquals.java:32: equals of record Key is made by javac with an invokedynamic of ObjectMethods, which " +
                    "a BPF program cannot run; compare its components instead (a.pid() == b.pid() && a.cpu() == b.cpu())"),
            Arguments.of(RecordEqualsParts.class,
                    "RecordEqualsParts.java:27: equals of record Sample is made by javac with an invokedynamic of ObjectMethods, " +
                    "which a BPF program cannot run; compare its components instead (a.pid() == b.pid() && a.where().cpu() == " +
                    "b.where().cpu() && a.where().node() == b.where().node(), and the elements of a.ids() and b.ids() one by one " +
                    "in a loop, since == on an array compares references and Arrays.equals does not translate)"),
            Arguments.of(StructObjectEquals.class,
                    "StructObjectEquals.java:35: cannot call equals on a local StructObjectEquals.Point: its class inherits Object's, " +
                    "which works on the object's identity, and BPF programs have no object identities; compare (or combine) its " +
                    "fields instead"),
            Arguments.of(MergedStructs.class,
                    "MergedStructs.java:40: variable s holds a struct whose class is chosen at run time (a local MergedStructs.Circle " +
                    "or a local MergedStructs.Square), but a BPF program knows each struct's class at translation, which decides the " +
                    "methods (and pattern switch cases) that run; use each struct where it is made: call its methods, or a helper " +
                    "taking the interface, in each branch (cond ? area(new Circle(..)) : area(new Square(..)))"),
            Arguments.of(PrintkBoolean.class,
                    "PrintkBoolean.java:19: a boolean in a printk message prints as true or false in Java, a word printk cannot " +
                    "choose while the program runs; print it as a number (flag ? 1 : 0), or write one printk for each value"),
            Arguments.of(PrintkNumberAsText.class,
                    "PrintkNumberAsText.java:15: the printk format \"comm %s\" has %s, which prints text, but it is given a " +
                    "number (which the kernel would read as the text's address); give it a byte[] holding the text (filled by " +
                    "Helpers.comm(buf) or probeReadUserStr), or print a fixed word in the format itself"),
            Arguments.of(StringConstantTables.class,
                    "StringConstantTables.java:27: cannot call java.lang.String.charAt in a BPF program: strings do not exist in " +
                    "BPF programs; keep the characters in a static final char[] or byte[] table and index it (static final " +
                    "byte[] HEX = {'0', '1', ..}; HEX[i])"),
            Arguments.of(EnumConstantBodies.class,
                    "EnumConstantBodies.java:32: Op.apply is abstract: each constant of enum Op has its own body, chosen by a " +
                    "virtual call, which BPF programs do not have; write one method that switches over the constant instead " +
                    "(switch (value) { case A -> ..; case B -> ..; })"),
            Arguments.of(RecordStaticConstant.class,
                    "RecordStaticConstant.java:30: static field Range.EMPTY holds a Range made when the class loads, which a BPF " +
                    "program cannot keep (its structs live on its stack or in maps); make one where you use it with new, or in " +
                    "a static method that returns a new one"),
            Arguments.of(VariableSizeArray.class,
                    "VariableSizeArray.java:25: array length must be a constant from 0 to 32 (a long array may take at most 256 " +
                    "of the 512 bytes of BPF stack); for a length known only when the program runs, make the array as long as " +
                    "it may need to be and keep the count in use in an int"),
            Arguments.of(UnsignedStrings.class,
                    "UnsignedStrings.java:24: cannot call java.lang.Long.toUnsignedString in a BPF program: strings do not exist " +
                    "in BPF programs; print numbers with a printk format (printk(\"n %d\", x)), or send them to Java in a map or " +
                    "ring record"),
            Arguments.of(StringSwitchCollisions.class,
                    "StringSwitchCollisions.java:34: the value javac keeps for this statement holds a string chosen at run time " +
                    "(string \"Aa\" or string \"BB\"), but strings exist in BPF programs only as constants; keep the choice in an " +
                    "int or an enum (and switch over that), or keep text in a byte[] and compare it with Strings.equals(buf, " +
                    "\"bash\") in an if/else chain instead of a switch"),
            Arguments.of(CopiedInFunction.class,
                    "CopiedInFunction.java:46: p is copied into Segment.from here, where Java would share one struct between " +
                    "them: a struct holds its arrays and structs in place, so the write to p at line 47 would not reach " +
                    "Segment.from, read at line 48; finish p before it is stored, or write through Segment.from afterwards"),
            Arguments.of(StringEqualsBytes.class,
                    "StringEqualsBytes.java:18: equals of a String with a local byte[16] is false in Java whatever it holds (a " +
                    "string is never equal to anything but a string); compare a byte[] buffer with Strings.equals(buf, \"text\")"),
            Arguments.of(CopiedChosenStruct.class,
                    "CopiedChosenStruct.java:35: p is copied into Segment.to here, where Java would share one struct between " +
                    "them: a struct holds its arrays and structs in place, so the write to p at line 36 would not reach " +
                    "Segment.to, read at line 37; finish p before it is stored, or write through Segment.to afterwards"),
            Arguments.of(SystemOutPrint.class,
                    "SystemOutPrint.java:17: System.out does not exist in a BPF program; print with Helpers.printk(\"a %d\", a) " +
                    "(read it with jbpf trace), or send the values to Java in a map or ring record"),
            Arguments.of(HeldNestedReplaced.class,
                    "HeldNestedReplaced.java:42: Segment.from is replaced here while old refers to the struct it held: in Java " +
                    "old keeps the old one, but a struct holds its arrays and structs in place, so old would see the new one at " +
                    "line 43; copy what you need from old first, or set the fields of Segment.from instead of replacing it"),
            Arguments.of(HeldArrayReplaced.class,
                    "HeldArrayReplaced.java:28: Window.samples is replaced here while previous refers to the array it held: in " +
                    "Java previous keeps the old one, but a struct holds its arrays and structs in place, so previous would see " +
                    "the new one at line 29; copy what you need from previous first, or set the elements of Window.samples " +
                    "instead of replacing it"),
            Arguments.of(LruLookupOtherKey.class,
                    "LruLookupOtherKey.java:22: the value of recent is replaced here while old refers to the value it held: in " +
                    "Java old keeps the old one, but the map holds its values in place, so old would see the new one at line " +
                    "23; copy what you need from old first, or look the value up again after update (this map may give the " +
                    "element of any key, such as the least recently used, to a write of another)"),
            Arguments.of(LookupDeleteInsert.class,
                    "LookupDeleteInsert.java:23: the value of starts is replaced here while begin refers to the value it held: " +
                    "in Java begin keeps the old one, but a delete since freed its element, which the map may give to the key " +
                    "update writes, so begin would see the new one at line 24; copy what you need from begin first, or delete " +
                    "its key after its last use"),
            Arguments.of(CopiedThroughAlias.class,
                    "CopiedThroughAlias.java:36: v is copied into Buf.values here, where Java would share one array between " +
                    "them: a struct holds its arrays and structs in place, so the write to Buf.values at line 38 would not " +
                    "reach v, read at line 39; read through Buf.values once v is stored"),
            Arguments.of(LoopCapturedNullable.class,
                    "LoopCapturedNullable.java:25: this lambda captures in.lookup(..), which may be null here; test it against null "
                    + "before the lambda (and return early), so the loop body is given its number"),
            Arguments.of(KeyComparedAtMost.class,
                    "KeyComparedAtMost.java:22: the value of cells is replaced here while first refers to the value it held: in " +
                    "Java first keeps the old one, but the map holds its values in place, so first would see the new one at line " +
                    "23; copy what you need from first first, or look the value up again after update"),
            Arguments.of(StructKeysMayBeEqual.class,
                    "StructKeysMayBeEqual.java:26: the value of table is replaced here while first refers to the value it held: in " +
                    "Java first keeps the old one, but the map holds its values in place, so first would see the new one at line " +
                    "27; copy what you need from first first, or look the value up again after update"),
            Arguments.of(StructTableComputed.class,
                    "StructTableComputed.java:21: static field RANGES (org.jbpf.it.language.StructTableComputed$Range[]) is a "
                    + "table of objects that is not read-only data known at translation: only a static final table of @Struct "
                    + "classes or records with number fields, each element made with new and constant arguments that its "
                    + "constructor stores as they are, becomes a BPF global; make it so, or keep the table in an ArrayMap filled from Java"),
            Arguments.of(StructTableWrite.class,
                    "StructTableWrite.java:25: cannot assign field count of an element of static final table SLOTS: the table is "
                    + "read-only data in BPF programs; make a new Slot from the element's fields where you need a changed one"),
            Arguments.of(BufferEqualsTooLong.class,
                    "BufferEqualsTooLong.java:27: Strings.equals of a byte[300] and a byte[400] would compare 300 bytes; at most "
                    + "256 are compared: pass a shorter buffer (e.g. a @Size(256) byte[] field) for one of them"),
            Arguments.of(UnboxBeforeNullCheck.class,
                    "UnboxBeforeNullCheck.java:22: this value is null on a path that reaches here, where Java would throw a "
                    + "NullPointerException; test it against null before using its value"),
            Arguments.of(UnboxNullLookup.class,
                    "UnboxNullLookup.java:33: other.lookup(..) may be null here; test it against null before using its value"),
            Arguments.of(ComparedKeyReassigned.class,
                    "ComparedKeyReassigned.java:25: the value of cells is replaced here while old refers to the value it held: in " +
                    "Java old keeps the old one, but the map holds its values in place, so old would see the new one at line " +
                    "26; copy what you need from old first, or look the value up again after update"),
            Arguments.of(ComparedOnOnePath.class,
                    "ComparedOnOnePath.java:25: the value of cells is replaced here while old refers to the value it held: in " +
                    "Java old keeps the old one, but the map holds its values in place, so old would see the new one at line " +
                    "26; copy what you need from old first, or look the value up again after update"),
            Arguments.of(CopiedThroughChoice.class,
                    "CopiedThroughChoice.java:35: v is copied into Buf.values here, where Java would share one array between " +
                    "them: a struct holds its arrays and structs in place, so the write to Buf.values at line 37 would not " +
                    "reach v, read at line 38; read through Buf.values once v is stored"),
            Arguments.of(StructBooleanArrayMap.class,
                    "StructBooleanArrayMap.java:18: map flags: @Struct Flags holds boolean[] field Flags.on, which a program keeps " +
                    "(one byte per flag) but Java cannot read from a map or ring buffer; declare it a @Size(n) byte[] there (1 for " +
                    "true, 0 for false), or keep the flags in local structs"),
            Arguments.of(ChosenKeyAfterCompare.class,
                    "ChosenKeyAfterCompare.java:24: the value of cells is replaced here while old refers to the value it held: in " +
                    "Java old keeps the old one, but the map holds its values in place, so old would see the new one at line " +
                    "25; copy what you need from old first, or look the value up again after update"),
            Arguments.of(LookupThenUpdate.class,
                    "LookupThenUpdate.java:21: the value of cells is replaced here while old refers to the value it held: in " +
                    "Java old keeps the old one, but the map holds its values in place, so old would see the new one at line " +
                    "22; copy what you need from old first, or look the value up again after update"),
            Arguments.of(MapValuePlainClass.class,
                    "MapValuePlainClass.java:16: map samples: map keys and values must be Integer, Long, Short, Byte, Character " +
                    "or a @Struct class, not org.jbpf.it.language.MapValuePlainClass$Sample; annotate Sample with @Struct, so " +
                    "its fields lay out the map's entries"),
            Arguments.of(OptionalLookup.class,
                    "OptionalLookup.java:25: java.util.Optional is an object a BPF program cannot make; test the value against " +
                    "null instead (v != null ? v : 0L)"),
            Arguments.of(ParseNumber.class,
                    "ParseNumber.java:24: cannot call java.lang.Long.parseLong in a BPF program; the java.lang methods " +
                    "that translate are boxing, Math.min/max/abs/clamp and floor and ceil division, System.nanoTime, the " +
                    "Integer/Long bit, unsigned, min/max/sum and compare methods, and compare and hashCode of every box class " +
                    "(README, Translation notes)"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void refusedAtItsLineWithAdvice(Class<?> probe, String message) {
        TranslationException e = assertThrows(TranslationException.class, () -> Backend.DIRECT.translate(probe));
        assertEquals(message, e.getMessage());
    }
}
