// Which keys a SpillMap may have on disk, in a few bits a key (a Bloom filter): most keys a converter asks for are new
// (a node met first, a slug or an identifier never taken), and a look-up in a table of a million rows to find nothing
// cost more than the rest of the node. "No" is certain; "maybe" (a few in a hundred) is answered by the table.

/**
 * Bits per key at least (16 just after a rebuild): with two bits set per key, at most one false "maybe" in twenty.
 * A million keys on disk take 1–2 MB.
 */
const BITS_PER_KEY = 8;
const FIRST_BITS = 1 << 16;

export class KeyFilter {
  private bits = new Uint32Array(FIRST_BITS / 32);
  private mask = FIRST_BITS - 1;
  private added = 0;

  /** Whether another key fits without the filter answering "maybe" too often: when not, `rebuild` at twice the size. */
  get full(): boolean {
    return this.added * BITS_PER_KEY > this.bits.length * 32;
  }

  add(key: string): void {
    const [a, b] = this.places(key);
    this.set(a);
    this.set(b);
    this.added++;
  }

  mayHave(key: string): boolean {
    const [a, b] = this.places(key);
    return this.isSet(a) && this.isSet(b);
  }

  /** Starts again, at twice the size, with `keys` (those still on disk: keys taken back are forgotten too). */
  rebuild(keys: Iterable<string>): void {
    this.bits = new Uint32Array(this.bits.length * 2);
    this.mask = this.bits.length * 32 - 1;
    this.added = 0;
    for (const key of keys) this.add(key);
  }

  private set(bit: number): void {
    const word = bit >>> 5;
    this.bits[word] = (this.bits[word] as number) | (1 << (bit & 31));
  }

  private isSet(bit: number): boolean {
    return ((this.bits[bit >>> 5] as number) & (1 << (bit & 31))) !== 0;
  }

  /** Two bit positions from two hashes of the key's code units (FNV-1a and a multiply-xor with another seed). */
  private places(key: string): [number, number] {
    let a = 0x811c9dc5;
    let b = 0x9747b28c;
    for (let i = 0; i < key.length; i++) {
      const c = key.charCodeAt(i);
      a = Math.imul(a ^ c, 0x01000193);
      b = Math.imul(b ^ c, 0x5bd1e995);
      b ^= b >>> 15;
    }
    return [a & this.mask, b & this.mask];
  }
}
