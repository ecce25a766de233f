/**
 * Register allocation, the BPF stack frame, instruction encoding and BTF for the direct backend. Internal to the
 * translator.
 */
package org.jbpf.translator.backend;
