#pragma once
// GENLAB_TARGET_CLONES("avx2", "default") before a function compiles it once per target and lets
// the dynamic loader pick the copy for this CPU through an ifunc resolver.
//
// Under ThreadSanitizer the function is compiled once, for the baseline target: the resolver runs
// while the loader relocates the program, before TSan's runtime has started, and TSan's
// instrumentation of it crashed every TSan executable before main (a segfault in the resolver,
// no report). The sanitized builds check correctness, not speed, so the one copy loses nothing.

#if defined(__SANITIZE_THREAD__)
#define GENLAB_TARGET_CLONES(...)
#else
#define GENLAB_TARGET_CLONES(...) __attribute__((target_clones(__VA_ARGS__)))
#endif
