package org.jbpf.translator.frontend;

import static org.objectweb.asm.Opcodes.GOTO;
import static org.objectweb.asm.Opcodes.NOP;

import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * Drops the instructions that do nothing: {@code nop}, and a {@code goto} to the instruction right after it. javac
 * writes neither; other compilers and bytecode tools do (ASM turns unreachable code into nops, an instrumenting
 * tool leaves a goto where it removed code), and the translator's readings of javac's patterns (switches over enums,
 * struct array stores, an exhaustive switch's default) expect those instructions side by side. The parse of every class
 * goes through here once, before anything reads its code; labels stay where they are, so every jump still lands.
 */
public final class NoOpJumps {
    private NoOpJumps() {}

    static void drop(ClassNode node) {
        for (MethodNode m : node.methods) {
            for (AbstractInsnNode in : m.instructions.toArray()) {
                if (in.getOpcode() == NOP || in.getOpcode() == GOTO && toNext((JumpInsnNode) in)) m.instructions.remove(in);
            }
        }
    }

    /** Whether the jump's target is the next instruction, with only labels, lines and frames between. */
    private static boolean toNext(JumpInsnNode jump) {
        for (AbstractInsnNode p = jump.getNext(); p != null && p.getOpcode() < 0; p = p.getNext())
            if (p instanceof LabelNode l && l == jump.label) return true;
        return false;
    }
}
