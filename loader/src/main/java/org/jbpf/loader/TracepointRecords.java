package org.jbpf.loader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
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

    /** A field of the kernel's format: its C name, offset and size. */
    record Field(String name, int offset, int size) {}

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
        return fields(text);
    }

    /**
     * The fields of a format file's text, each written {@code field:<declaration>; offset:<n>; size:<n>;}, keyed by
     * {@link #key}. Read by hand, not by a regular expression: every run of a tracepoint program passes here, and
     * compiling one costs a fresh JVM more than the whole reading.
     */
    static Map<String, Field> fields(String text) {
        Map<String, Field> out = new LinkedHashMap<>();
        for (int at = text.indexOf("field:"); at >= 0; at = text.indexOf("field:", at + 1)) {
            int semi = text.indexOf(';', at);
            if (semi < 0) break;
            int[] offset = number(text, skipSpace(text, semi + 1), "offset:");
            int[] size = offset == null ? null : number(text, skipSpace(text, offset[1]), "size:");
            if (size == null) continue;
            String decl = withoutArraySuffix(text.substring(at + "field:".length(), semi).strip()); // "char comm[16]", "__data_loc char[] name"
            String name = decl.substring(Math.max(decl.lastIndexOf(' '), decl.lastIndexOf('*')) + 1);
            out.put(key(name), new Field(name, offset[0], size[0]));
            at = size[1] - 1;
        }
        return out;
    }

    /** The number after {@code label} at {@code at} and the index after its ';', or null when the text differs. */
    private static int[] number(String text, int at, String label) {
        if (!text.startsWith(label, at)) return null;
        int from = at + label.length(), end = from;
        while (end < text.length() && text.charAt(end) >= '0' && text.charAt(end) <= '9') end++;
        if (end == from || end - from > 9 || end >= text.length() || text.charAt(end) != ';') return null;
        return new int[] {Integer.parseInt(text, from, end, 10), end + 1};
    }

    private static int skipSpace(String text, int at) {
        while (at < text.length() && Character.isWhitespace(text.charAt(at))) at++;
        return at;
    }

    /** The declaration without a trailing {@code [...]}: "char comm" of "char comm[16]". */
    private static String withoutArraySuffix(String decl) {
        if (!decl.endsWith("]")) return decl;
        int open = decl.indexOf('[', decl.lastIndexOf(']', decl.length() - 2) + 1);
        return open < 0 ? decl : decl.substring(0, open).strip();
    }

    private static List<String> names(Map<String, Field> format) {
        List<String> names = new ArrayList<>();
        for (Field f : format.values()) names.add(f.name());
        return names;
    }

    private static String key(String name) { return name.replace("_", "").toLowerCase(Locale.ROOT); }
}
