// The virtual timeline's queue: a binary min-heap of timer entries by due time, then sequence
// (creation order), so timers due at the same virtual time fire in the order they were set.

export interface Entry<T> {
  readonly due: number;
  readonly seq: number;
  readonly timer: T;
}

const before = <T>(a: Entry<T>, b: Entry<T>) => a.due < b.due || (a.due === b.due && a.seq < b.seq);

/** A binary min-heap of entries by (due, seq). */
export class EntryHeap<T> {
  readonly #items: Entry<T>[] = [];
  get size(): number {
    return this.#items.length;
  }
  push(entry: Entry<T>): void {
    const items = this.#items;
    let at = items.push(entry) - 1;
    while (at > 0) {
      const parent = (at - 1) >> 1;
      if (!before(items[at]!, items[parent]!)) break;
      [items[at], items[parent]] = [items[parent]!, items[at]!];
      at = parent;
    }
  }
  pop(): Entry<T> | undefined {
    const items = this.#items;
    const top = items[0];
    const last = items.pop();
    if (items.length === 0 || last === undefined) return top;
    items[0] = last;
    for (let at = 0; ; ) {
      const [left, right] = [2 * at + 1, 2 * at + 2];
      let least = at;
      if (left < items.length && before(items[left]!, items[least]!)) least = left;
      if (right < items.length && before(items[right]!, items[least]!)) least = right;
      if (least === at) return top;
      [items[at], items[least]] = [items[least]!, items[at]!];
      at = least;
    }
  }
}
