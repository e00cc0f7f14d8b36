// One bit per catalogue id: which records a conversion has written. Discogs ids run to tens of millions, so a Set of
// numbers would hold tens of millions of entries. Bits are kept in 1 KB pages made as ids reach them: a real dump's
// ids are dense (a page holds 8,192), and ids scattered on purpose cost a page per record read, not a page per id
// between them.
const PAGE_BITS = 8192;

export class IdBits {
  private readonly pages = new Map<number, Uint8Array>();

  has(id: number): boolean {
    const page = this.pages.get(Math.floor(id / PAGE_BITS));
    if (page === undefined) return false;
    const bit = id % PAGE_BITS;
    return ((page[bit >>> 3] as number) & (1 << (bit & 7))) !== 0;
  }

  add(id: number): void {
    const number = Math.floor(id / PAGE_BITS);
    let page = this.pages.get(number);
    if (page === undefined) {
      page = new Uint8Array(PAGE_BITS / 8);
      this.pages.set(number, page);
    }
    const bit = id % PAGE_BITS;
    page[bit >>> 3] = (page[bit >>> 3] as number) | (1 << (bit & 7));
  }
}
