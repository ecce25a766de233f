/**
 * Type and null analysis of each program's bytecode, inlined calls included; rejects what BPF cannot do at its Java
 * line. Internal to the translator.
 */
package org.jbpf.translator.analysis;
