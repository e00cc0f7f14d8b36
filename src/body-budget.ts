// What request bodies may hold at once, whoever sends them. MAX_BODY_BYTES bounds one body and MAX_CONNECTIONS the
// sockets, but their product (4 GiB by default) is no bound a 24 GiB machine can keep: a few hundred clients each
// uploading one large body at the pace HTTP_REQUEST_TIMEOUT_MS allows would hold it all. So the part of each body past
// its first 64 KiB is taken from one shared budget before it is read, and given back when the exchange ends.

/** The first bytes of every body are not counted: a query fits many times over, and MAX_CONNECTIONS of them hold 64 MiB. */
export const FREE_BODY_BYTES = 64 * 1024;

/** One request's share of the budget. */
export interface BodyHold {
  /** Counts the body as `bytes` long so far; false (and nothing taken) when the budget cannot hold it now. */
  grow(bytes: number): boolean;
  /** Gives back what was taken; once is enough, twice is harmless. */
  release(): void;
}

export class BodyBudget {
  #held = 0;
  readonly limit: number;

  /** `limit`: bytes past their first 64 KiB that bodies in flight may hold together (MAX_BODY_BYTES_IN_FLIGHT). */
  constructor(limit: number) {
    this.limit = limit;
  }

  /** Bytes taken by bodies in flight now. */
  get held(): number {
    return this.#held;
  }

  hold(): BodyHold {
    let taken = 0;
    let released = false;
    return {
      grow: (bytes) => {
        const wanted = Math.max(0, bytes - FREE_BODY_BYTES) - taken;
        if (wanted <= 0) return true;
        if (released || this.#held + wanted > this.limit) return false;
        this.#held += wanted;
        taken += wanted;
        return true;
      },
      release: () => {
        if (released) return;
        released = true;
        this.#held -= taken;
        taken = 0;
      },
    };
  }
}
