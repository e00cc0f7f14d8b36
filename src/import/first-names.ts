// Which name each id was first met by, as a 32-bit hash: a converter meets an artist again on every record that
// credits it, and needs only the slug and name it made the first time. When the name is the same again (nearly
// always: a dump's records spell an artist the one way), both follow from the name in hand, and the artist's entry —
// perhaps on disk (SpillMap) — is not looked up at all. A differing hash sends the converter to the entry.
//
// Two different names with one hash would make the converter take the second for the first: a chance of one in 2^32
// per name that differs from the first, so about 10^-4 over a dump in which a million credits spell a name anew.
const PAGE_IDS = 1024;

/** FNV-1a over the UTF-16 code units, never 0 (0 is "not met"). */
export function nameHash(name: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) hash = Math.imul(hash ^ name.charCodeAt(i), 0x01000193);
  return hash >>> 0 || 1;
}

export class FirstNames {
  /** Pages of 1,024 ids made as ids reach them: dense ids fill them, scattered ids cost 4 KB each. */
  private readonly pages = new Map<number, Uint32Array>();

  /** Whether `id` was met, by any name. */
  has(id: number): boolean {
    return this.hashOf(id) !== 0;
  }

  /** Whether `id` was first met by `name`. */
  metAs(id: number, name: string): boolean {
    const hash = this.hashOf(id);
    return hash !== 0 && hash === nameHash(name);
  }

  set(id: number, name: string): void {
    const number = Math.floor(id / PAGE_IDS);
    let page = this.pages.get(number);
    if (page === undefined) {
      page = new Uint32Array(PAGE_IDS);
      this.pages.set(number, page);
    }
    page[id % PAGE_IDS] = nameHash(name);
  }

  private hashOf(id: number): number {
    return this.pages.get(Math.floor(id / PAGE_IDS))?.[id % PAGE_IDS] ?? 0;
  }
}
