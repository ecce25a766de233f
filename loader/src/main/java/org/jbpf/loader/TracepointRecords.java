package org.jbpf.loader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jbpf.core.btf.Btf;
import org.jbpf.core.btf.BtfType;
import org.jbpf.core.obj.BpfObject;
import org.jbpf.core.obj.ProgramSpec;
import org.jbpf.core.program.SectionKind;
import org.jbpf.loader.attach.Tracefs;
import org.jbpf.loader.sys.BpfException;

/**
 * Checks a tracepoint program's typed record against the running kernel before it loads. A program that reads its
 * record through a struct (jbpf's {@code ctx.as(SysEnterOpenat.class)}, or C's {@code struct X *ctx}) declares that
 * struct as its context parameter's type in BTF; each of its number fields must lie where the kernel's format file
 * ({@code events/<category>/<name>/format}) puts the field of that name, or the program would read the wrong bytes.
 * Names match without case and underscores, so Java's {@code syscallNr} is the format's {@code __syscall_nr}.
 */
final class TracepointRecords {
    private TracepointRecords() {}

    private static final Pattern FIELD = Pattern.compile("field:([^;]*?)\\s*;\\s*offset:(\\d+);\\s*size:(\\d+);");

    /** A field of the kernel's format: its C name, offset and size. */
    private record Field(String name, int offset, int size) {}

    static void check(ProgramSpec p, BpfObject obj) {
        if (!p.kind().equals(SectionKind.TRACEPOINT.canonicalName()) || p.funcInfos().isEmpty() || obj.btf() == null) return;
        BtfType.Struct record = contextStruct(obj.btf(), p.funcInfos().get(0).btfFuncType());
        if (record == null) return;
        String tracepoint = p.section().substring(p.section().indexOf('/') + 1);
        Map<String, Field> format = format(tracepoint);
        if (format == null) return; // no tracefs here: attaching will say so
        Btf btf = obj.btf();
        for (BtfType.Member m : record.members()) {
            BtfType t = btf.type(btf.resolve(m.type()));
            boolean number = t instanceof BtfType.IntType;
            Field f = format.get(key(m.name()));
            String java = record.name() + "." + m.name();
            if (f == null) {
                if (!number) continue; // padding and byte arrays with names of their own
                throw new BpfException("program " + p.name() + ": " + java + " has no field of that name in this kernel's record of tracepoint "
                        + tracepoint + " (its fields: " + String.join(", ", names(format)) + "); regenerate the class with jbpf gen tracepoint " + tracepoint);
            }
            int offset = m.bitOffset() / 8, size = (int) btf.sizeOf(m.type());
            if (offset != f.offset() || size > f.size())
                throw new BpfException("program " + p.name() + ": " + java + " is at offset " + offset + " (" + size + " bytes), but this kernel's record of tracepoint "
                        + tracepoint + " has " + f.name() + " at offset " + f.offset() + " (" + f.size() + " bytes); regenerate the class with jbpf gen tracepoint " + tracepoint);
        }
    }

    /** The struct the program's BTF FUNC takes as its first parameter, or null for {@code void *ctx}. */
    private static BtfType.Struct contextStruct(Btf btf, int funcId) {
        if (funcId <= 0 || funcId > btf.size() || !(btf.type(funcId) instanceof BtfType.Func func)) return null;
        if (!(btf.type(func.type()) instanceof BtfType.FuncProto proto) || proto.params().isEmpty()) return null;
        if (!(btf.type(btf.resolve(proto.params().get(0).type())) instanceof BtfType.Ptr ptr)) return null;
        return ptr.type() != 0 && btf.type(btf.resolve(ptr.type())) instanceof BtfType.Struct s ? s : null;
    }

    private static Map<String, Field> format(String tracepoint) {
        Path file;
        try {
            file = Tracefs.root().resolve("events").resolve(tracepoint).resolve("format");
        } catch (BpfException e) {
            return null;
        }
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            return null;
        }
        Map<String, Field> out = new LinkedHashMap<>();
        Matcher m = FIELD.matcher(text);
        while (m.find()) {
            String decl = m.group(1).replaceAll("\\[[^\\]]*]$", "").trim(); // "char comm[16]", "__data_loc char[] name"
            String name = decl.substring(Math.max(decl.lastIndexOf(' '), decl.lastIndexOf('*')) + 1);
            out.put(key(name), new Field(name, Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))));
        }
        return out;
    }

    private static Iterable<String> names(Map<String, Field> format) { return format.values().stream().map(Field::name).toList(); }

    private static String key(String name) { return name.replace("_", "").toLowerCase(Locale.ROOT); }
}
