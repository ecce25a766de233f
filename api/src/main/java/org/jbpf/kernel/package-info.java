/**
 * Kernel structs read by name: {@link org.jbpf.kernel.KernelType} classes (written by {@code jbpf gen btf}) whose
 * {@link org.jbpf.kernel.KernelField} methods become CO-RE relocated reads of the running kernel's memory.
 */
package org.jbpf.kernel;
