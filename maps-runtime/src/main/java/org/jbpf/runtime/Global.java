package org.jbpf.runtime;

import com.sun.jna.Pointer;
import org.jbpf.core.obj.GlobalData;
import org.jbpf.loader.LoadedMap;
import org.jbpf.loader.sys.Sys;

/**
 * One global variable of a loaded object, read and written from Java through a shared memory mapping of its
 * section's map, so a value the programs change is seen at once and a write takes effect on their next event.
 * Aligned reads and writes of up to 8 bytes are single loads and stores; a read-modify-write from Java is not atomic
 * with the programs' updates. Load-time constants ({@code .rodata}) are read-only after load.
 */
public final class Global implements AutoCloseable {
    private final String name;
    private final GlobalData section;
    private final GlobalData.Variable variable;
    private final LoadedMap map;
    private Pointer address;
    private long length;

    public Global(String name, GlobalData section, GlobalData.Variable variable, LoadedMap map) {
        this.name = name;
        this.section = section;
        this.variable = variable;
        this.map = map;
    }

    public String name() { return name; }

    /** Size in bytes: 1, 2, 4 or 8 for a number. */
    public int size() { return variable.size(); }

    /** Whether this is a load-time constant, which only {@code BPF.builder(..).constant(..)} sets. */
    public boolean readOnly() { return section.readOnly(); }

    private synchronized Pointer mapped() {
        if (address == null) {
            length = Math.max(1, map.spec().valueSize());
            int prot = Sys.PROT_READ | (section.readOnly() ? 0 : Sys.PROT_WRITE);
            address = Sys.mmap(length, prot, map.fd().value(), 0, () -> "mmap of global-data section " + section.name()
                    + " (for global " + name + ")");
        }
        return address;
    }

    /** The value, sign-extended from its size. */
    public long get() {
        Pointer p = mapped();
        int off = variable.offset();
        switch (variable.size()) {
            case 1: return p.getByte(off);
            case 2: return p.getShort(off);
            case 4: return p.getInt(off);
            case 8: return p.getLong(off);
            default: throw new IllegalStateException("global " + name + " has " + variable.size() + " bytes; read it as bytes()");
        }
    }

    /** The value of a number variable of any size, widened (sign-extended) as Java widens an int to a long. */
    public long getLong() { return atMost(8, "long").get(); }

    /** The value of a variable of at most 4 bytes, widened as Java does; an 8-byte one is read with getLong(). */
    public int getInt() { return (int) atMost(4, "int").get(); }

    public boolean getBoolean() { return sized(1, "boolean").get() != 0; }

    /** A copy of the variable's bytes. */
    public byte[] bytes() { return mapped().getByteArray(variable.offset(), variable.size()); }

    /** Writes the value in the variable's size; it must fit (as a signed or an unsigned number). */
    public void set(long value) {
        if (section.readOnly())
            throw new IllegalStateException("global " + name + " is a load-time constant, read-only once loaded; set it before "
                    + "loading with BPF.builder(..).constant(\"" + name + "\", value)");
        if (!Constants.fits(value, variable.size()))
            throw new IllegalArgumentException("global " + name + " has " + variable.size() + " bytes; " + value + " does not fit");
        Pointer p = mapped();
        int off = variable.offset();
        switch (variable.size()) {
            case 1: p.setByte(off, (byte) value); break;
            case 2: p.setShort(off, (short) value); break;
            case 4: p.setInt(off, (int) value); break;
            case 8: p.setLong(off, value); break;
            default: throw new IllegalStateException("global " + name + " has " + variable.size() + " bytes; it is not a number");
        }
    }

    /** Writes a byte array variable: these bytes, then zeros to its end. */
    public void set(byte[] value) {
        if (section.readOnly()) set(0L); // the read-only error
        if (value.length > variable.size())
            throw new IllegalArgumentException("global " + name + " has " + variable.size() + " bytes; " + value.length + " do not fit");
        Pointer p = mapped();
        p.write(variable.offset(), value, 0, value.length);
        p.setMemory(variable.offset() + value.length, variable.size() - value.length, (byte) 0);
    }

    public void set(boolean value) { sized(1, "boolean").set(value ? 1 : 0); }

    private Global atMost(int size, String type) {
        if (variable.size() > size || (variable.size() & (variable.size() - 1)) != 0)
            throw new IllegalStateException("global " + name + " has " + variable.size() + " bytes, more than a " + type + "'s " + size
                    + (variable.size() == 8 ? "; read it with getLong()" : variable.size() > 8 ? "; read it with bytes()" : ""));
        return this;
    }

    private Global sized(int size, String type) {
        if (variable.size() != size)
            throw new IllegalStateException("global " + name + " has " + variable.size() + " bytes, not a " + type + "'s " + size);
        return this;
    }

    /** Unmaps the section; the BPF object that made this global closes it. */
    @Override public synchronized void close() {
        if (address == null) return;
        Sys.munmap(address, length);
        address = null;
    }

    @Override public String toString() { return "global " + name + " (" + section.name() + "+" + variable.offset() + ")"; }
}
