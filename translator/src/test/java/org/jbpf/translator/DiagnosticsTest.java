package org.jbpf.translator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Unsupported Java is rejected with the source position and advice, never with an internal exception. */
class DiagnosticsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "NullDeref|NullDeref.java:15: |may be null here; test it against null",
        "UsesFloat|UsesFloat.java:11: |float and double are not supported",
        "CallsString|CallsString.java:12: |cannot call java.lang.String.trim in a BPF program: strings do not exist in BPF programs; keep text in a byte[]",
        "UsesString|UsesString.java:14: |cannot create a java.lang.String in a BPF program: strings do not exist in BPF programs; keep text in a byte[]",
        "ByteArrayKey|ByteArrayKey.java:10: |map keys and values cannot be arrays such as byte[], whose type has no length; wrap the array in a @Struct class as a @Size(n) field (@Size(16) byte[] comm)",
        "Asserts|Asserts.java:12: |assert cannot be translated: a BPF program has no exception to throw; test the condition with if",
        "NestedStruct|NestedStruct.java:21: |field inner of @Struct Outer has type org.jbpf.translator.bad.NestedStruct$Inner; struct fields may be byte, boolean, short, char, int, long, @Size(n) arrays of byte, boolean, short, char, int, long or a @Struct, or another @Struct; annotate org.jbpf.translator.bad.NestedStruct$Inner with @Struct",
        "UnsizedBytes|UnsizedBytes.java:18: |byte[] field comm of @Struct Event needs @Size(n) with n > 0",
        "InterfaceCall|InterfaceCall.java:11: |lambdas and method references can only be the loop body of Loops.repeat in BPF programs, which have no virtual calls; write the code as a static method",
        "AnonymousClass|AnonymousClass.java:12: |cannot create the anonymous class org.jbpf.translator.bad.AnonymousClass$1 in a BPF program, which has no virtual calls",
        "InterfaceParameter|InterfaceParameter.java:10: |cannot call interface method java.lang.CharSequence.length: a BPF program has no virtual calls; call a static method",
        "Recursion|Recursion.java:15: |recursive call of fact",
        "HugeStruct|HugeStruct.java|@Struct Big is 16777224 bytes, but a BPF load or store reaches at most 32767 bytes into a value; make its arrays smaller, or split the data over the entries of a map (e.g. an ArrayMap of chunks)",
        "InlineFanOut|InlineFanOut.java:20: |inlining f5 here makes the program larger than 131072 bytecode instructions (calls inline copies of calls); mark f5 or a method it calls @NoInline (not @Inline) so it becomes one BPF function instead of a copy per call",
        "Throws|Throws.java:12: |cannot create a java.lang.IllegalStateException",
        "StaticState|StaticState.java:13: |static field org.jbpf.translator.bad.StaticState.lock is not a map of this probe; programs can use maps, compile-time constants (static final primitives) and global variables (static primitive fields without final, initialised with a constant), not other static state",
        "ConstantAssigned|ConstantAssigned.java:14: |@Constant field limit is read-only in programs; its value is set from Java before loading",
        "ConstantFinal|ConstantFinal.java: |@Constant field limit is static final with a constant initialiser, which javac copies into every use where no loader can change it; drop final: @Constant static int limit = 10;",
        "LongLiteral|LongLiteral.java:17: |the literal of Strings.startsWith has 300 bytes; at most 256 are compared",
        "ConstantArrayWrite|ConstantArrayWrite.java:14: |@Constant byte array name is read-only in programs; its bytes are set from Java before loading",
        "ComputedArray|ComputedArray.java:13: |byte array field name must be initialised with new byte[n] (at most 4096 bytes) or constants such as {1, 2, 3} to be a BPF global",
        "ComputedGlobal|ComputedGlobal.java:13: |static field start is initialised with a value computed when the class loads (line 9); a BPF global starts as a constant: initialise it with a constant and set it from Java after loading",
        "ComputedFinal|ComputedFinal.java:13: |static final field START is computed when the class loads (line 9), which a BPF program cannot repeat; initialise it with constants, or make it a @Constant (without final) set from Java before loading",
        "CopyOutOfRange|CopyOutOfRange.java:12: |arraycopy reaches elements 0 to 5 of the 4-element destination, outside it (Java would throw here)",
        "IndexOutOfRange|IndexOutOfRange.java:14: |array index 7 is out of bounds for length 4",
        "CopyVariable|CopyVariable.java:12: |arraycopy needs constant positions and lengths here; copy or fill element by element in a loop for variable ones",
        "CopyTooLong|CopyTooLong.java:12: |copyOf makes a local array of 40 elements; its length must be from 1 to 32 (at most 256 of the 512 bytes of BPF stack)",
        "ExactMath|ExactMath.java:12: |cannot call java.lang.Math.addExact in a BPF program: it throws on overflow, which a BPF program cannot; use the plain operator and test the result (a sum of positives below either operand overflowed)",
        "WrongKey|WrongKey.java:10: |must be Integer, Long, Short, Byte, Character or a @Struct class, not java.lang.String",
        "NotAProbe|NotAProbe.java: |annotate it with @Bpf",
        "StructFieldNullable|StructFieldNullable.java:19: |may be null here; test it against null before you read .n",
        "RingLeak|RingLeak.java:21: |ring buffer record reserved at RingLeak.java:15 is neither submitted nor discarded",
        "RingDoubleSubmit|RingDoubleSubmit.java:18: |already submitted or discarded",
        "RingInLoop|RingInLoop.java:19: |ring buffer record reserved at RingInLoop.java:16 is neither submitted nor discarded",
        "IteratorLeak|IteratorLeak.java:16: |the numbers iterator made at IteratorLeak.java:14 is not closed when the program returns here; call close() on it on every path (the kernel requires bpf_iter_num_destroy)",
        "IteratorInLoop|IteratorInLoop.java:17: |the numbers iterator made at IteratorInLoop.java:14 is not closed when the program returns here",
        "IteratorChosen|IteratorChosen.java:16: |variable it holds a local Loops.Numbers on one path and a local Loops.Numbers on another; a BPF program needs one kind of value per variable",
        "RawSectionTracepointContext|RawSectionTracepointContext.java:11: |takes TracepointContext, but a raw_tracepoint program gets RawTracepointContext; declare the parameter as RawTracepointContext",
        "TracepointSectionRawContext|TracepointSectionRawContext.java:11: |takes RawTracepointContext, but a tracepoint program gets TracepointContext",
        "RetOnSyscallEntry|RetOnSyscallEntry.java:12: |ctx.ret() in section \"tracepoint/syscalls/sys_enter_read\": a sys_enter_ tracepoint runs before the system call returns",
        "ArgOnSyscallExit|ArgOnSyscallExit.java:11: |ctx.arg(i) in section \"tp/syscalls/sys_exit_read\": a sys_exit_ tracepoint's record has only the return value; use ctx.ret()",
        "ArgInLoop|ArgInLoop.java:13: |ctx.arg(i) needs a constant index such as ctx.arg(0), not a variable or loop counter",
        "FrameTooDeep|FrameTooDeep.java:25: |program run needs 776 bytes of stack but BPF allows 512; use fewer or smaller local structs, or keep data in a per-CPU array map",
        "LocalArrayTooBig|LocalArrayTooBig.java:11: |array length must be a constant from 0 to 32 (a long array may take at most 256 of the 512 bytes of BPF stack)",
        "ArrayFieldWrongLength|ArrayFieldWrongLength.java:19: |cannot assign a local long[8] to ArrayFieldWrongLength.Hist.buckets, which holds exactly 16 elements in place; assign a value of that type (it is copied)",
        "SelfStruct|SelfStruct.java:18: |@Struct Node contains itself; a struct held by value cannot",
        "EnumName|EnumName.java:14: |cannot call name on an enum in a BPF program, where an enum value is its ordinal; compare values with == or use ordinal()",
        "StructMethodNullable|StructMethodNullable.java:21: |pairs.lookup(..) may be null here; test it against null before you call .sum()",
        "UnsizedInts|UnsizedInts.java:17: |int[] field perCpu of @Struct Counts needs @Size(n) with n > 0",
        "RecordHeader|RecordHeader.java:14: |field common of tracepoint record RecordTp: the kernel does not let tracepoint programs read the record's 8-byte common header",
        "RawHeaderRead|RawHeaderRead.java:13: |the kernel does not let tracepoint programs read the record's 8-byte common header (common_type, common_flags, common_preempt_count, common_pid); use Helpers.pid() or tid() (or ctx.commonPid()) for the process (ctx.u32(4))",
        "PrintkArguments|PrintkArguments.java:14: |the printk format \"pid %d tid %d\\n\" has 2 conversions (%d, %x, ..) but 1 numbers follow it",
        "PrintkText|PrintkText.java:14: |the printk format \"comm %s\\n\" has %s, which prints text, but it is given a number (which the kernel would read as the text's address); give it a byte[] holding the text (filled by Helpers.comm(buf) or probeReadUserStr), or print a fixed word in the format itself",
        "StructArrayField|StructArrayField.java|StructArrayField.Point[] field points of @Struct Path needs @Size(n) with n > 0 to give it a fixed length",
        "LocalStructArray|LocalStructArray.java:15: |a local array of @Struct LocalStructArray.Point needs a constant length from 1 to 31 (its elements and one spare element may take at most 256 of the 512 bytes of BPF stack); keep more of them in an ArrayMap",
        "TwoDimensionalArray|TwoDimensionalArray.java:13: |arrays of arrays (long[][]) are not supported; use one long[] of rows * columns elements and index it with row * columns + column",
        "CharacterCall|CharacterCall.java:17: |cannot call java.lang.Character.isDigit in a BPF program; compare the char with character constants instead",
        "OverloadedPrograms|OverloadedPrograms.java:17: |@Section method count has the name of another @Section method (line 12); a program is named after its method, so give each its own name",
        "IntTable|IntTable.java:14: |int array field WEIGHTS must be initialised with new int[n] (at most 4096 bytes) or constants such as {1, 2, 3} to be a BPF global",
        "TextField|TextField.java:17: |field name of @Struct Event has type java.lang.String; struct fields may be byte, boolean, short, char, int, long, @Size(n) arrays of byte, boolean, short, char, int, long or a @Struct, or another @Struct; keep text in a @Size(n) byte[] field (marked @CString to print it as text)",
        "StringSwitch|StringSwitch.java:17: |compare it with Strings.equals(buf, \"bash\") or Strings.startsWith(buf, \"/etc/\") (a switch over strings becomes if/else with Strings.equals)",
    })
    void rejectsWithPosition(String name, String position, String advice) {
        TranslationException e = assertThrows(TranslationException.class, () -> Translator.translate(
                "org.jbpf.translator.bad." + name, Translator.ClassSource.of(getClass().getClassLoader()),
                new Translator.Options(List.of())));
        assertTrue(e.getMessage().startsWith(position), "message should start with " + position + ": " + e.getMessage());
        assertTrue(e.getMessage().contains(advice), "message should contain '" + advice + "': " + e.getMessage());
    }

    @ParameterizedTest
    @CsvSource({"0", "1", "7", "100", "1000"})
    void malformedClassFileIsADiagnostic(int cut) throws Exception {
        byte[] good = Translator.ClassSource.of(getClass().getClassLoader()).read("org/jbpf/examples/ProcessCounter");
        byte[] bad = java.util.Arrays.copyOf(good, Math.min(cut, good.length));
        TranslationException e = assertThrows(TranslationException.class,
                () -> Translator.translate(bad, Translator.ClassSource.of(getClass().getClassLoader()), Translator.Options.DEFAULT));
        assertTrue(e.getMessage().startsWith(cut < 4 ? "class file: not a class file (it does not begin with 0xCAFEBABE)"
                : cut < 10 ? "class file: not a valid class file (it is truncated); compile it again"
                : "class file: not a valid class file (it is truncated, or a length or index in it is damaged)"), e.getMessage());
    }

    @org.junit.jupiter.api.Test
    void missingClassIsADiagnostic() {
        TranslationException e = assertThrows(TranslationException.class,
                () -> Translator.translate("com.example.Missing", Translator.ClassSource.of(getClass().getClassLoader())));
        assertEquals("class com.example.Missing not found", e.getMessage());
    }
}
