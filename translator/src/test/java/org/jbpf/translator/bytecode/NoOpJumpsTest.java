package org.jbpf.translator.bytecode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.objectweb.asm.Opcodes.GOTO;
import static org.objectweb.asm.Opcodes.NOP;

import java.io.InputStream;
import java.util.List;
import org.jbpf.core.obj.BpfObject;
import org.jbpf.sim.interp.Interpreter;
import org.jbpf.translator.Translator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * javac's switch over an enum with a {@code nop} or a {@code goto} to the next instruction before every instruction, as
 * bytecode tools leave them: it translates and computes what javac's own class computes (it was refused, "this switch
 * over an enum could not be translated", where the nops split the pattern javac writes).
 */
class NoOpJumpsTest {
    @ParameterizedTest(name = "{0}")
    @ValueSource(ints = {NOP, GOTO})
    void noOpsBetweenJavacsInstructionsChangeNothing(int filler) throws Exception {
        String name = EnumSwitchProbe.class.getName().replace('.', '/');
        byte[] original;
        try (InputStream in = EnumSwitchProbe.class.getClassLoader().getResourceAsStream(name + ".class")) { original = in.readAllBytes(); }
        ClassNode node = new ClassNode();
        new ClassReader(original).accept(node, ClassReader.SKIP_FRAMES);
        for (MethodNode m : node.methods) {
            if (m.name.startsWith("<")) continue;
            for (AbstractInsnNode in : m.instructions.toArray()) {
                if (in.getOpcode() < 0) continue;
                if (filler == NOP) m.instructions.insertBefore(in, new InsnNode(NOP));
                else {
                    LabelNode next = new LabelNode();
                    m.instructions.insertBefore(in, new JumpInsnNode(GOTO, next));
                    m.instructions.insertBefore(in, next);
                }
            }
        }
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_FRAMES);
        node.accept(cw);
        byte[] padded = cw.toByteArray();
        Translator.ClassSource library = Translator.ClassSource.of(getClass().getClassLoader());
        BpfObject object = Translator.translate(EnumSwitchProbe.class.getName(), n -> n.equals(name) ? padded : library.read(n),
                new Translator.Options(List.of()));
        assertEquals(EnumSwitchProbe.compute(64), new Interpreter(object).runPacket("run", new byte[64]));
        assertEquals(84, EnumSwitchProbe.compute(64));
    }
}
