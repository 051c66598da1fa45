/**
 * The flags node runs the service with: package.json's `start` scripts, the Dockerfile's CMD and
 * the load bench all start it so (a test checks that they agree with this list).
 *
 * `--single-threaded-gc`: each thread collects its own garbage, with no helper threads. The lint
 * workers keep every core busy (one worker per core by default), so V8's parallel and concurrent
 * collector ran its helper threads on cores that were already busy: in `npm run bench:load` they
 * took as much CPU per request as half the lint itself, and the workers linted slower beside them.
 * With the flag the service served more documents per second on the same cores; the figures are in
 * docs/benchmarks.md ("One collector thread per thread").
 *
 * It has to be given on node's command line: NODE_OPTIONS does not accept it, and setting it once
 * the process runs (`v8.setFlagsFromString`) makes V8 abort at its next collection (Node 20).
 */
export const SERVICE_NODE_FLAGS: readonly string[] = ['--single-threaded-gc'];
