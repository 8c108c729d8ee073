/** Disjoint sets over indices 0..n-1; `find` compresses paths so merging a corpus stays near-linear. */
export class UnionFind {
  private readonly parent: Int32Array
  private readonly size: Int32Array
  constructor(n: number) {
    this.parent = new Int32Array(n)
    this.size = new Int32Array(n).fill(1)
    for (let i = 0; i < n; i++) this.parent[i] = i
  }
  find(i: number): number {
    let root = i
    while (this.parent[root] !== root) root = this.parent[root]
    while (this.parent[i] !== root) {
      const next = this.parent[i]
      this.parent[i] = root
      i = next
    }
    return root
  }
  /** Joins the sets of `a` and `b`; returns the new root, or -1 when they were already one set. */
  union(a: number, b: number): number {
    let ra = this.find(a)
    let rb = this.find(b)
    if (ra === rb) return -1
    if (this.size[ra] < this.size[rb]) [ra, rb] = [rb, ra]
    this.parent[rb] = ra
    this.size[ra] += this.size[rb]
    return ra
  }
  /** Members of each set, keyed by root, members in ascending order. */
  groups(): Map<number, Array<number>> {
    const out = new Map<number, Array<number>>()
    for (let i = 0; i < this.parent.length; i++) {
      const r = this.find(i)
      const list = out.get(r)
      if (list === undefined) out.set(r, [i])
      else list.push(i)
    }
    return out
  }
}
