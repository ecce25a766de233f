/* Programs for tracepoints this kernel does not have (a module's, unloaded): run names the missing one. */
#define SEC(name) __attribute__((section(name), used))

SEC("tracepoint/syscalls/sys_enter_nosuchcall")
int gone(void *ctx) { return 0; }

char LICENSE[] SEC("license") = "GPL";
