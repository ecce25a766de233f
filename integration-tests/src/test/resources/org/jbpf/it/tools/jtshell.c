/* A shell-like program the bashreadline tool probes: once let go (a line on stdin after it printed "ready"), its
 * readline returns each of its arguments in turn, as if typed at the prompt. Built both position-independent and not. */
#include <stdio.h>
#include <string.h>

static char line[128];
static const char *typed;

__attribute__((noinline)) char *jt_shell_readline(const char *prompt) {
    snprintf(line, sizeof line, "%s", typed);
    return line;
}

int main(int argc, char **argv) {
    char go[8];
    printf("ready\n");
    fflush(stdout);
    if (!fgets(go, sizeof go, stdin)) return 1;
    for (int i = 1; i < argc; i++) {
        typed = argv[i];
        if (strcmp(jt_shell_readline("$ "), argv[i]) != 0) return 2;
    }
    return 0;
}
