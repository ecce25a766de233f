/**
 * The translator's machine IR; other backends read it through {@link org.jbpf.translator.mir.MirInstruction},
 * {@link org.jbpf.translator.mir.MirProgram} and {@link org.jbpf.translator.mir.MirObject}.
 */
package org.jbpf.translator.mir;
