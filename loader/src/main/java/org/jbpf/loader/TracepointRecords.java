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
import org.jbpf.core.relo.CoreRelocator;
import org.jbpf.loader.attach.Tracefs;
import org.jbpf.loader.sys.BpfException;

/**
 * Checks a tracepoint program's typed record against the running kernel before it loads. A program that reads its
 * record through a Java class ({@code ctx.as(SysEnterOpenat.class)}) declares that struct as its context parameter's
 * type in BTF, tagged {@code java:SysEnterOpenat}; each of its number fields must lie where the kernel's format file
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
        int id = contextStruct(obj.btf(), p.funcInfos().get(0).btfFuncType());
        if (id == 0 || !isJavaRecord(obj.btf(), id)) return;
        BtfType.Struct record = (BtfType.Struct) obj.btf().type(id);
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

    /** The id of the struct the program's BTF FUNC takes as its first parameter, or 0 for {@code void *ctx}. */
    private static int contextStruct(Btf btf, int funcId) {
        if (funcId <= 0 || funcId > btf.size() || !(btf.type(funcId) instanceof BtfType.Func func)) return 0;
        if (!(btf.type(func.type()) instanceof BtfType.FuncProto proto) || proto.params().isEmpty()) return 0;
        if (!(btf.type(btf.resolve(proto.params().get(0).type())) instanceof BtfType.Ptr ptr) || ptr.type() == 0) return 0;
        int id = btf.resolve(ptr.type());
        return btf.type(id) instanceof BtfType.Struct ? id : 0;
    }

    /**
     * True when the struct is a Java record class (jbpf's translator tags it "java:Name"): C programs declare their
     * context as structs such as trace_event_raw_sys_enter, whose field names are not the format's.
     */
    private static boolean isJavaRecord(Btf btf, int id) {
        for (BtfType t : btf.types())
            if (t instanceof BtfType.DeclTag tag && tag.type() == id && tag.componentIdx() == -1 && tag.name().startsWith(CoreRelocator.JAVA_TAG)) return true;
        return false;
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
