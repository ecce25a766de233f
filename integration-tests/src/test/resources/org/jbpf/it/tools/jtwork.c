/* A small library whose functions the user-space tools probe: built by NativeWork with -O1 -fno-omit-frame-pointer. */
#include <stdio.h>
#include <string.h>
#include <time.h>

/* Sleeps for micros microseconds, then returns 3n + 1: a call with a known argument, result and least duration. */
__attribute__((noinline)) long jt_work(long n, int micros) {
    struct timespec t = { micros / 1000000, (micros % 1000000) * 1000L };
    nanosleep(&t, 0);
    return n * 3 + 1;
}

static char line[128];

/* Like readline(): takes a prompt and returns a line in its own buffer, here made from the prompt. */
__attribute__((noinline)) const char *jt_readline(const char *prompt) {
    snprintf(line, sizeof line, "%s typed %zu", prompt, strlen(prompt));
    return line;
}

static volatile unsigned long sink;

/* Spins on the CPU for about millis milliseconds of wall time: what a profiler should find. */
__attribute__((noinline)) unsigned long jt_spin(long millis) {
    struct timespec start, now;
    clock_gettime(CLOCK_MONOTONIC, &start);
    do {
        for (int i = 0; i < 100000; i++) sink = sink * 31 + i;
        clock_gettime(CLOCK_MONOTONIC, &now);
    } while ((now.tv_sec - start.tv_sec) * 1000 + (now.tv_nsec - start.tv_nsec) / 1000000 < millis);
    return sink;
}
