package org.jbpf.translator;

import org.jbpf.core.asm.Disassembler;
import org.jbpf.core.obj.BpfObject;
import org.jbpf.core.obj.ProgramSpec;

public class Dump {
    public static void main(String[] args) throws Exception {
        for (String c : args) {
            BpfObject o = Translator.translate(Class.forName(c));
            for (ProgramSpec p : o.programs()) {
                System.out.println("== " + p.section() + " " + p.name());
                System.out.print(Disassembler.listing(p.insns()));
            }
        }
    }
}
