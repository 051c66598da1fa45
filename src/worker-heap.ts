/**
 * Heap sizes for threads that lint. A lint holds its whole parse tree while the rules run, so every
 * young-generation collection during a lint copies that tree. A worker thread's default young
 * generation is small enough that collections come every few lints: measured on the seed article in
 * a worker, 11–12 ms of CPU per lint with the default or 32 MB, 6.6 ms with 64 MB (and about 25 MB
 * more resident memory per worker).
 */
export const DEFAULT_WORKER_YOUNG_MB = 64;
