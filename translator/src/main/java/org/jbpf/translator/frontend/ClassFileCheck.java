package org.jbpf.translator.frontend;

import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.tree.ClassNode;

/**
 * Reads a probe's class file through once, code and annotations included, before anything else reads it: ASM finds a
 * truncated or damaged file only by running off an array or meeting a bad constant, wherever in jbpf it is read first;
 * here that becomes one error naming the file. The toolchain checks every probe it is given; {@link StructRegistry}
 * says the same of the other classes it reads. The check's parse is kept for the translator, whose first parse of the
 * same bytes takes it instead of reading the file again.
 */
public final class ClassFileCheck {
    private static final int MAGIC = 0xCAFEBABE;

    /**
     * The checked parses not yet taken, by the array checked (arrays hash by identity; an entry goes when its array
     * does, so bytes checked and never translated keep nothing alive).
     */
    private static final Map<byte[], ClassNode> CHECKED = Collections.synchronizedMap(new WeakHashMap<>());

    private ClassFileCheck() {}

    /**
     * {@code bytes}, unchanged; an IllegalArgumentException naming {@code origin} when they are not a readable class
     * file. The parse is kept for the translator's first parse of this same array ({@link #take}).
     */
    public static byte[] readable(byte[] bytes, String origin) {
        ClassNode node = new ClassNode();
        String why = read(bytes, node);
        if (why != null) throw new IllegalArgumentException(origin + ": " + why);
        CHECKED.put(bytes, node);
        return bytes;
    }

    /** What is wrong with {@code bytes} as a class file, to follow the file's name, or null when nothing is. */
    public static String problem(byte[] bytes) { return read(bytes, new ClassNode()); }

    /**
     * The parse {@link #readable} made of this very array, once (a later translation of it parses afresh, since a
     * translation may change the node it reads); null when there is none.
     */
    static ClassNode take(byte[] bytes) { return CHECKED.remove(bytes); }

    /**
     * Reads {@code bytes} into {@code node} (a node takes every part, so the reader decodes them all); returns what is
     * wrong with them as a class file, to follow the file's name, or null when nothing is.
     */
    static String read(byte[] bytes, ClassNode node) {
        if (bytes.length < 4 || magic(bytes) != MAGIC) return "not a class file (it does not begin with 0xCAFEBABE); give a class compiled by javac";
        if (bytes.length < 10) return "not a valid class file (it is truncated); compile it again with javac";
        try {
            ClassReader reader = new ClassReader(bytes);
            reader.accept(node, 0);
            BytecodeOffsets.record(reader, node);
        } catch (RuntimeException e) {
            String m = e.getMessage();
            if (m != null && m.startsWith("Unsupported class file major version")) return newer(m.substring(m.lastIndexOf(' ') + 1));
            return "not a valid class file (" + why(e) + "); compile it again with javac";
        }
        // the class's name becomes the object's and its file's: it must be one the JVM would load
        if (!isLegalName(node.name)) return "not a valid class file (its class name is damaged); compile it again with javac";
        // the source file's name leads every message about the probe
        if (node.sourceFile != null && !isLegalFileName(node.sourceFile))
            return "not a valid class file (its source file name is damaged); compile it again with javac";
        String missing = RequiredNames.missing(node);
        if (missing != null) return "not a valid class file (" + missing + " is missing: a constant in it is damaged); compile it again with javac";
        return null;
    }

    /** An internal class name: non-empty segments without the characters the JVM forbids in names, nor control characters. */
    static boolean isLegalName(String name) {
        if (name == null || name.isEmpty() || name.startsWith("/") || name.endsWith("/") || name.contains("//")) return false;
        for (int k = 0; k < name.length(); k++) {
            char c = name.charAt(k);
            if (c == '.' || c == ';' || c == '[' || Character.isISOControl(c)) return false;
        }
        return true;
    }

    /** A source file's name: non-empty, without control characters (a loop: the translate path links no lambda). */
    static boolean isLegalFileName(String name) {
        if (name.isEmpty()) return false;
        for (int k = 0; k < name.length(); k++) if (Character.isISOControl(name.charAt(k))) return false;
        return true;
    }

    private static int magic(byte[] b) {
        return (b[0] & 0xff) << 24 | (b[1] & 0xff) << 16 | (b[2] & 0xff) << 8 | b[3] & 0xff;
    }

    /** A class compiled for a Java newer than the class reader knows: which Java, and the newest one to compile for. */
    private static String newer(String major) {
        int newest = newestReadable();
        boolean number = !major.isEmpty() && major.length() < 6;
        for (int k = 0; k < major.length(); k++) number &= Character.isDigit(major.charAt(k));
        String java = number ? " (Java " + (Integer.parseInt(major) - 44) + ")" : "";
        return "compiled for a newer Java than jbpf reads: class file version " + major + java + ", where jbpf reads up to "
                + newest + " (Java " + (newest - 44) + "); compile the probe with javac --release " + (newest - 44) + " or lower";
    }

    /** The newest class file version the class reader knows: the largest of its {@code V<n>} constants. */
    private static int newestReadable() {
        int newest = 0;
        for (java.lang.reflect.Field f : org.objectweb.asm.Opcodes.class.getFields()) {
            String n = f.getName();
            if (n.length() < 2 || n.charAt(0) != 'V' || !Character.isDigit(n.charAt(1)) || f.getType() != int.class) continue;
            try {
                newest = Math.max(newest, f.getInt(null) & 0xffff);
            } catch (IllegalAccessException e) {
                // a constant that cannot be read says nothing
            }
        }
        return newest;
    }

    /** What a reader's exception says about the file, in words. */
    private static String why(RuntimeException e) {
        String m = e.getMessage();
        if (e instanceof IndexOutOfBoundsException || e instanceof NegativeArraySizeException) return "it is truncated, or a length or index in it is damaged";
        return "a constant, attribute or instruction in it is damaged";
    }
}
