package org.jbpf.sim.verifier;

import java.util.List;
import org.jbpf.core.asm.Insn;

/**
 * The loops of a program as the kernel numbers them before it explores: the strongly connected components of each
 * function's control flow (a call goes on to the next instruction, an exit goes nowhere). An instruction is in a
 * component when control can come back to it without leaving its function. A {@code bpf_loop} call is in none by
 * itself, though the helper runs its body again and again: 6.18 names a loop inside the body by the call site and the
 * body's own component (its log's "SCC enter (55,2)"), so one visit spans all rounds. The kernel keys its bookkeeping
 * of loops still being explored by these numbers ({@link LoopVisits}).
 */
final class LoopComponents {
    /** Component of each instruction, numbered from 1 as they complete; 0 for an instruction in no loop. */
    private final int[] component;

    LoopComponents(List<Insn> insns, Successors flow) {
        int n = insns.size();
        component = new int[n];
        // Tarjan's algorithm, with explicit stacks: order[v] is v's preorder number (0: not reached yet), low[v] the
        // smallest number reachable from v's subtree among nodes still on the component stack (-1 once off it)
        int[] order = new int[n], low = new int[n], open = new int[n], path = new int[n], nextSucc = new int[n];
        int numbered = 0, openSize = 0, components = 1;
        for (int root = 0; root < n; root++) {
            if (order[root] != 0) continue;
            int depth = 0;
            path[depth++] = root;
            while (depth > 0) {
                int v = path[depth - 1];
                if (order[v] == 0) {
                    order[v] = low[v] = ++numbered;
                    nextSucc[v] = 0;
                    open[openSize++] = v;
                }
                int[] succ = flow.of(v);
                boolean descended = false;
                while (nextSucc[v] < succ.length) {
                    int w = succ[nextSucc[v]++];
                    if (w >= n) continue;
                    if (order[w] == 0) { path[depth++] = w; descended = true; break; }
                    if (low[w] > 0) low[v] = Math.min(low[v], low[w]);
                }
                if (descended) continue;
                depth--;
                if (depth > 0) {
                    int parent = path[depth - 1];
                    if (low[v] > 0) low[parent] = Math.min(low[parent], low[v]);
                }
                if (low[v] < order[v]) continue;
                boolean loop = open[openSize - 1] != v || selfLoop(succ, v);
                int w;
                do {
                    w = open[--openSize];
                    low[w] = -1;
                    if (loop) component[w] = components;
                } while (w != v);
                if (loop) components++;
            }
        }
    }

    /** The component of instruction {@code pc}, 0 when it is in no loop. */
    int of(int pc) { return component[pc]; }

    private static boolean selfLoop(int[] succ, int v) {
        for (int s : succ) if (s == v) return true;
        return false;
    }
}
