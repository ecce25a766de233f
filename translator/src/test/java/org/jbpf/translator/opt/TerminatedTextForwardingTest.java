package org.jbpf.translator.opt;

import static org.jbpf.Helpers.comm;
import static org.jbpf.Helpers.printk;
import static org.jbpf.core.asm.Opcodes.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.jbpf.Bpf;
import org.jbpf.Helpers;
import org.jbpf.Section;
import org.jbpf.Size;
import org.jbpf.Struct;
import org.jbpf.TracepointContext;
import org.jbpf.core.asm.Insn;
import org.jbpf.core.obj.BpfObject;
import org.jbpf.sim.Verifier;
import org.jbpf.sim.VerifierResult;
import org.jbpf.sim.interp.Interpreter;
import org.jbpf.translator.Translator;
import org.junit.jupiter.api.Test;

/**
 * printk's %s of a byte[] bpf_get_current_comm filled: no zero-fill before the call and no NUL-ended copy after it
 * while nothing wrote the array since; the copy stays where a store, an alias's store, a branch without the call or a
 * loop's later turn may have taken the NUL away. Each program's shape is checked, and what the interpreter prints.
 */
class TerminatedTextForwardingTest {
    /** 15 bytes: the longest name a 16-byte comm buffer holds with its NUL. */
    private static final String NAME = "abcdefghijklmno";

    @Bpf(license = "GPL")
    public static final class CommTexts {
        @Struct
        public static final class Named {
            public int x;
            @Size(13) public byte[] name = new byte[13];
            public short y;
        }

        @Section("tracepoint/syscalls/sys_enter_getpid")
        static int plain(TracepointContext ctx) {
            byte[] name = new byte[16];
            comm(name);
            printk("[%s]", name);
            return 0;
        }

        @Section("tracepoint/syscalls/sys_enter_getppid")
        static int twice(TracepointContext ctx) {
            byte[] name = new byte[16];
            comm(name);
            printk("[%s|%s]", name, name);
            return 0;
        }

        @Section("tracepoint/syscalls/sys_enter_gettid")
        static int inStruct(TracepointContext ctx) {
            Named n = new Named();
            comm(n.name);
            printk("[%s]", n.name);
            return 0;
        }

        @Section("tracepoint/syscalls/sys_enter_getuid")
        static int storedAfter(TracepointContext ctx) {
            byte[] name = new byte[16];
            comm(name);
            name[15] = 'Z';
            printk("[%s]", name);
            return 0;
        }

        @Section("tracepoint/syscalls/sys_enter_getgid")
        static int storedThroughAlias(TracepointContext ctx) {
            byte[] name = new byte[16];
            comm(name);
            byte[] alias = name;
            alias[15] = 'Y';
            printk("[%s]", name);
            return 0;
        }

        @Section("tracepoint/syscalls/sys_enter_geteuid")
        static int oneBranch(TracepointContext ctx) {
            byte[] name = new byte[16];
            if ((Helpers.pidTgid() & 1) == 0) comm(name);
            else for (int k = 0; k < 16; k++) name[k] = 'Q';
            printk("[%s]", name);
            return 0;
        }

        @Section("tracepoint/syscalls/sys_enter_getegid")
        static int inLoop(TracepointContext ctx) {
            byte[] name = new byte[16];
            comm(name);
            for (int turn = 0; turn < 2; turn++) {
                printk("%d[%s]", turn, name);
                name[15] = 'L';
            }
            return 0;
        }
    }

    @Test
    void aCommBufferPrintsItselfWithoutZeroFillOrCopy() {
        BpfObject obj = translated();
        for (String program : List.of("plain", "twice", "inStruct")) {
            List<Insn> code = program(obj, program).insns();
            assertEquals(0, nulStores(code), program + " copies its text: " + code);
        }
        List<Insn> plain = program(obj, "plain").insns();
        // comm's address and size, the call, printk's format, size and text address, the call, the return: 12 slots as clang's
        assertEquals(12, plain.stream().mapToInt(i -> i.opcode() == (LD | IMM | DW) ? 2 : 1).sum(), plain.toString());
        assertEquals(0, plain.stream().filter(TerminatedTextForwardingTest::frameStore).count(), "no store to the frame at all: " + plain);
        assertEquals(List.of("[" + NAME + "]"), printed(obj, "plain", NAME, 0));
        assertEquals(List.of("[" + NAME + "|" + NAME + "]"), printed(obj, "twice", NAME, 0));
        assertEquals(List.of("[" + NAME.substring(0, 12) + "]"), printed(obj, "inStruct", NAME, 0));
    }

    @Test
    void aTextWrittenSinceTheCallIsStillCopiedAndEnded() {
        BpfObject obj = translated();
        for (String program : List.of("storedAfter", "storedThroughAlias", "oneBranch", "inLoop"))
            assertEquals(1, nulStores(program(obj, program).insns()), program + " must copy its text once");
        assertEquals(List.of("[" + NAME + "Z]"), printed(obj, "storedAfter", NAME, 0));
        assertEquals(List.of("[" + NAME + "Y]"), printed(obj, "storedThroughAlias", NAME, 0));
        assertEquals(List.of("[ab]"), printed(obj, "storedAfter", "ab", 0), "the NUL after the name still ends it");
        assertEquals(List.of("[" + NAME + "]"), printed(obj, "oneBranch", NAME, 2));
        assertEquals(List.of("[" + "Q".repeat(16) + "]"), printed(obj, "oneBranch", NAME, 3));
        assertEquals(List.of("0[" + NAME + "]", "1[" + NAME + "L]"), printed(obj, "inLoop", NAME, 0));
    }

    private static BpfObject translated() {
        BpfObject obj = Translator.translate(CommTexts.class.getName(), Translator.ClassSource.of(TerminatedTextForwardingTest.class.getClassLoader()));
        for (VerifierResult r : Verifier.verifyAll(obj)) assertTrue(r.ok(), r.toString());
        return obj;
    }

    private static org.jbpf.core.obj.ProgramSpec program(BpfObject obj, String name) {
        return obj.programs().stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
    }

    /** What the program prints when the task is named {@code comm} and its pid/tgid is {@code pidTgid}. */
    private static List<String> printed(BpfObject obj, String program, String comm, long pidTgid) {
        Interpreter in = new Interpreter(obj);
        in.helpers().comm(comm);
        in.helpers().pidTgid((int) (pidTgid >>> 32), (int) pidTgid);
        in.run(program, new byte[64]);
        return in.printk();
    }

    /** The byte stores of 0 to the frame: the NUL that ends a copied text. */
    private static long nulStores(List<Insn> code) {
        return code.stream().filter(i -> i.opcode() == (ST | MEM | B) && i.dst() == R10 && i.imm() == 0).count();
    }

    private static boolean frameStore(Insn i) {
        int c = i.opcode() & 0x07;
        return (c == ST || c == STX) && i.dst() == R10;
    }
}
