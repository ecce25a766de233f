/* Objects whose attach targets are misspelled by one letter: run suggests the name this machine has. */
#define SEC(name) __attribute__((section(name), used))

#ifdef UPROBE
SEC("uprobe/libc.so.6:mallocc")
int typo(void *ctx) { return 0; }
#else
SEC("tracepoint/sched/sched_proces_exec")
int typo(void *ctx) { return 0; }
#endif

char LICENSE[] SEC("license") = "GPL";
