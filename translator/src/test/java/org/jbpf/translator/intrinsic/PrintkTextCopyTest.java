package org.jbpf.translator.intrinsic;

import static org.jbpf.core.asm.Opcodes.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import org.jbpf.translator.Translator;
import org.junit.jupiter.api.Test;

/** A byte[] text given to printk's %s is copied to its NUL-ended area in pieces its place in a struct allows. */
class PrintkTextCopyTest {
    /** A text at offset 4 of a local struct, 13 bytes long: no 8-byte piece of it is aligned on the stack. */
    @Bpf(license = "GPL")
    public static final class TextAfterInt {
        @Struct
        public static final class Named {
            public int x;
            @Size(13) public byte[] name = new byte[13];
            public short y;
        }

        @Section("tracepoint/syscalls/sys_enter_getpid")
        static int onGetpid(TracepointContext ctx) {
            Named n = new Named();
            Helpers.comm(n.name);
            Helpers.printk("comm %s\n", n.name);
            return 0;
        }
    }

    @Test
    void aTextAtAnUnalignedFieldIsCopiedInAlignedPiecesAndVerifies() {
        BpfObject obj = Translator.translate(TextAfterInt.class.getName(),
                Translator.ClassSource.of(PrintkTextCopyTest.class.getClassLoader()));
        for (VerifierResult r : Verifier.verifyAll(obj)) assertTrue(r.ok(), r.toString());
        for (Insn i : obj.programs().get(0).insns()) {
            int kind = i.opcode() & 0x07, mode = i.opcode() & 0xe0;
            boolean stackAccess = (mode == MEM || mode == MEMSX) && (kind == LDX && i.src() == R10 || (kind == ST || kind == STX) && i.dst() == R10);
            if (stackAccess) assertEquals(0, i.off() % bytes(i.opcode()), "stack access not aligned to its size: " + i);
        }
    }

    private static int bytes(int opcode) {
        int size = opcode & 0x18;
        return size == DW ? 8 : size == W ? 4 : size == H ? 2 : 1;
    }
}
