/** A binary max-heap under a caller's ordering (`before(x, y)` when x must come out first). */
export class Heap<A> {
  private readonly items: Array<A> = []
  private readonly before: (x: A, y: A) => boolean
  constructor(before: (x: A, y: A) => boolean) {
    this.before = before
  }
  get size(): number {
    return this.items.length
  }
  push(item: A): void {
    const items = this.items
    items.push(item)
    let i = items.length - 1
    while (i > 0) {
      const parent = (i - 1) >> 1
      if (!this.before(items[i], items[parent])) break
      ;[items[i], items[parent]] = [items[parent], items[i]]
      i = parent
    }
  }
  pop(): A | undefined {
    const items = this.items
    if (items.length === 0) return undefined
    const top = items[0]
    const last = items.pop()!
    if (items.length > 0) {
      items[0] = last
      let i = 0
      for (;;) {
        const l = 2 * i + 1
        const r = l + 1
        let best = i
        if (l < items.length && this.before(items[l], items[best])) best = l
        if (r < items.length && this.before(items[r], items[best])) best = r
        if (best === i) break
        ;[items[i], items[best]] = [items[best], items[i]]
        i = best
      }
    }
    return top
  }
}
