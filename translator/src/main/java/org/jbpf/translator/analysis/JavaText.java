package org.jbpf.translator.analysis;

/** What a probe writes instead of {@code java.lang.String}, which has no form in a BPF program. */
public final class JavaText {
    /** Why a division by the constant zero is refused, and what to write instead. */
    public static final String DIVISION_BY_ZERO = "division by the constant zero, which throws in Java and has no BPF form; "
            + "divide by a value that cannot be zero, or test the divisor against zero with if first";

    private JavaText() {}

    /** The advice every rejection of a String use ends with. */
    public static final String ADVICE = "strings do not exist in BPF programs; keep text in a byte[] (e.g. filled by "
            + "Helpers.comm(buf) or probeReadUserStr) and compare it with Strings.equals(buf, \"bash\") or Strings.startsWith(buf, \"/etc/\") "
            + "(a switch over strings becomes if/else with Strings.equals), and give printk a string literal";

    /** How a variable holding a different string on each path names its value (a string chosen at run time). */
    public static final String STRING_CHOICE = "a string chosen at run time ";

    /** What to write instead of a string chosen at run time. */
    public static final String STRING_CHOICE_ADVICE = "but strings exist in BPF programs only as constants; keep the choice "
            + "in an int or an enum (and switch over that), or keep text in a byte[] and compare it with Strings.equals(buf, \"bash\") "
            + "in an if/else chain instead of a switch";

    /** How a variable holding structs of different classes on different paths names its value. */
    public static final String CLASS_CHOICE = "a struct whose class is chosen at run time ";

    /** What to write instead of a struct whose class is chosen at run time. */
    public static final String CLASS_CHOICE_ADVICE = "but a BPF program knows each struct's class at translation, which decides the "
            + "methods (and pattern switch cases) that run; use each struct where it is made: call its methods, or a helper "
            + "taking the interface, in each branch (cond ? area(new Circle(..)) : area(new Square(..)))";
}
