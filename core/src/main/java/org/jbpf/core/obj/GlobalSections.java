package org.jbpf.core.obj;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jbpf.core.btf.Btf;
import org.jbpf.core.btf.BtfType;
import org.jbpf.core.elf.Elf;
import org.jbpf.core.elf.ElfFile;

/**
 * Reads an object's global-variable sections ({@code .bss}, {@code .data*}, {@code .rodata*}) into {@link GlobalData},
 * with the variables their object symbols name. Like libbpf, it completes each section's BTF DATASEC from the ELF
 * file (clang may leave its size and offsets zero), so the kernel can check the map's value against it.
 */
final class GlobalSections {
    private GlobalSections() {}

    /** The non-empty data sections by section index. */
    static Map<Integer, GlobalData> read(ElfFile elf, Btf btf) {
        Map<Integer, GlobalData> out = new LinkedHashMap<>();
        for (ElfFile.Section s : elf.sections()) {
            if (!GlobalData.isDataSection(s.name()) || (s.flags() & Elf.SHF_ALLOC) == 0 || (s.flags() & Elf.SHF_EXECINSTR) != 0
                    || s.size() <= 0) continue;
            if (s.type() != Elf.SHT_PROGBITS && s.type() != Elf.SHT_NOBITS) continue;
            if (s.size() > Integer.MAX_VALUE / 2) throw elf.error(s, 0, "data section of " + s.size() + " bytes is too large");
            byte[] bytes = s.type() == Elf.SHT_NOBITS ? new byte[(int) s.size()] : elf.data(s);
            List<GlobalData.Variable> vars = new ArrayList<>();
            int datasec = btf.find(BtfType.KIND_DATASEC, s.name());
            Map<String, Integer> varTypes = new LinkedHashMap<>();
            if (datasec > 0 && btf.type(datasec) instanceof BtfType.Datasec d)
                for (BtfType.VarSecInfo v : d.vars())
                    if (v.type() > 0 && v.type() <= btf.size() && btf.type(v.type()) instanceof BtfType.Var var) varTypes.put(var.name(), var.type());
            for (ElfFile.Symbol sym : elf.symbols()) {
                if (sym.shndx() != s.index() || sym.type() != Elf.STT_OBJECT || sym.name().isEmpty()) continue;
                if (sym.value() < 0 || sym.value() + sym.size() > s.size())
                    throw elf.error(s, sym.value(), "variable " + sym.name() + " lies outside its section");
                vars.add(new GlobalData.Variable(sym.name(), (int) sym.value(), (int) sym.size(), varTypes.getOrDefault(sym.name(), 0)));
            }
            if (datasec > 0) completeDatasec(btf, datasec, (int) s.size(), vars);
            out.put(s.index(), new GlobalData(s.name(), bytes, vars, datasec > 0 ? datasec : 0));
        }
        return out;
    }

    /** Sets the DATASEC's size and each VAR's offset and size from the symbols; VARs without a symbol are dropped. */
    private static void completeDatasec(Btf btf, int id, int size, List<GlobalData.Variable> vars) {
        BtfType.Datasec d = (BtfType.Datasec) btf.type(id);
        List<BtfType.VarSecInfo> fixed = new ArrayList<>();
        for (BtfType.VarSecInfo v : d.vars()) {
            if (!(v.type() > 0 && v.type() <= btf.size() && btf.type(v.type()) instanceof BtfType.Var var)) continue;
            GlobalData.Variable sym = null;  // a loop, not a stream: this runs at every start of a run of a .o
            for (GlobalData.Variable x : vars) if (sym == null && x.name().equals(var.name())) sym = x;
            if (sym == null) continue;
            fixed.add(new BtfType.VarSecInfo(v.type(), sym.offset(), sym.size() > 0 ? sym.size() : v.size()));
        }
        fixed.sort(new Comparator<BtfType.VarSecInfo>() {
            @Override public int compare(BtfType.VarSecInfo a, BtfType.VarSecInfo b) { return Integer.compare(a.offset(), b.offset()); }
        });
        btf.set(id, new BtfType.Datasec(d.name(), size, fixed));
    }
}
