// The membership test of Python's random.sample (its `selected` set) for samples larger than a JS Set can
// hold (2^24 members): open addressing with linear probing over an Int32Array. Membership alone decides
// which draws are redrawn, so the structure cannot change the sample; only its capacity matters.

/** A set of integers in [0, 2^31), sized for at most `capacity` members (load factor <= 2/3). */
export class Int32Set {
  private readonly table: Int32Array;
  private readonly shift: number;
  private readonly mask: number;

  constructor(capacity: number) {
    let bits = 4;
    while (2 ** bits < 1.5 * capacity) bits++;
    this.table = new Int32Array(2 ** bits).fill(-1);
    this.shift = 32 - bits;
    this.mask = 2 ** bits - 1;
  }

  // Fibonacci hashing (Knuth 6.4): the top bits of v * 2^32 / phi spread consecutive integers apart.
  private slot(v: number): number {
    return Math.imul(v, 0x9e3779b1) >>> this.shift;
  }

  /** Whether v was added. */
  has(v: number): boolean {
    const { table, mask } = this;
    for (let i = this.slot(v); ; i = (i + 1) & mask) {
      const t = table[i];
      if (t === v) return true;
      if (t === -1) return false;
    }
  }

  /** Adds v (not yet a member; the caller tested with {@link has}). */
  add(v: number): void {
    const { table, mask } = this;
    let i = this.slot(v);
    while (table[i] !== -1) i = (i + 1) & mask;
    table[i] = v;
  }
}
