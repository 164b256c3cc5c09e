import { setFlagsFromString } from 'node:v8';

/**
 * Turns off V8's allocation-site pretenuring for the whole process (every thread shares V8's flags).
 *
 * Why: redaction builds thousands of short-lived token objects per text. V8 decides per allocation site
 * whether to allocate straight into the old generation, from the share of that site's objects a young
 * collection finds alive. When its first look lands in the middle of a redaction, every token is still
 * alive, the site is marked "tenure", and from then on, for the life of the process, tokens go to the old
 * generation: young collections take 4–9 ms instead of ~0.7 ms, full collections run several times a
 * second, and redaction runs at half speed. Whether it happens depends on where the first collection
 * lands, so it looked like this machine having slow phases (measured with --trace-gc and
 * --trace-pretenuring-statistics; figures in the README, Operations).
 *
 * Node documents setFlagsFromString as changing V8 settings after start-up "with care": this flag is
 * read during each collection (V8's src/heap/pretenuring-handler-inl.h, UpdateAllocationSite), and it
 * is set before the add-on allocates anything of its own.
 */
export function applyV8Flags(): void {
  setFlagsFromString('--no-allocation-site-pretenuring');
}
