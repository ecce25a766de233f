package org.jbpf;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Makes a static method a BPF program placed in the named ELF section, which also says where it attaches:
 * {@code tracepoint/<category>/<name>}, {@code raw_tracepoint/<name>}, {@code uprobe/<path>:<symbol>},
 * {@code xdp}, {@code socket}...
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Section {
    String value();
}
