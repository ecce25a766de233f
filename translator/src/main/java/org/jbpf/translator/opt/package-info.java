/**
 * MIR passes and the {@link org.jbpf.translator.opt.Pipeline} that orders them. Internal to the translator.
 */
package org.jbpf.translator.opt;
