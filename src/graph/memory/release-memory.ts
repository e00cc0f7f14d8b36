// Gives the memory a big load passed through back to the system, so a server's footprint is what its graph holds.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

type Collect = (options: { type: 'major'; execution: 'sync'; flavor: 'last-resort' }) => void;
let collect: Collect | undefined;

/**
 * A memory-reducing full collection. Parsing a big dataset peaks at a few times what the graph keeps, and V8 holds
 * on to the pages an ordinary collection frees (the memory reducer only runs after seconds of idling), so without
 * this a server that loaded a million credits would sit at its start-up peak. V8 offers the collection only through
 * its gc extension, which a context created after --expose-gc is set carries.
 */
export function releaseMemory(): void {
  collect ??= ((globalThis as { gc?: Collect }).gc ?? (setFlagsFromString('--expose-gc'), runInNewContext('gc'))) as Collect;
  collect({ type: 'major', execution: 'sync', flavor: 'last-resort' });
}
