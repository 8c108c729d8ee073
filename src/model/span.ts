/**
 * Spans are offsets into the one original text. Stages work in JavaScript string indices (UTF-16) on
 * the cleaned text; `OffsetMap` carries every cleaned character back to the original, and
 * `CodePointIndex` turns UTF-16 indices into the code point offsets the contract promises.
 */
import { Schema } from "effect"

export const Span = Schema.Struct({ start: Schema.Int, end: Schema.Int })
export type Span = typeof Span.Type

/** For each character of a derived text, the UTF-16 index in the original it came from. */
export class OffsetMap {
  /** `origin[i]` is the original index of derived character i; `origin[length]` is the end. */
  readonly origin: Int32Array
  constructor(origin: Int32Array) {
    this.origin = origin
  }

  static identity(length: number): OffsetMap {
    const origin = new Int32Array(length + 1)
    for (let i = 0; i <= length; i++) origin[i] = i
    return new OffsetMap(origin)
  }

  /** Maps a derived span [start, end) to the smallest original span that covers it. */
  toOriginal(start: number, end: number): Span {
    if (end <= start) {
      const at = this.origin[start]
      return { start: at, end: at }
    }
    return { start: this.origin[start], end: this.origin[end - 1] + 1 }
  }

  /** Composes this map (derived → middle) with `inner` (middle → original). */
  compose(inner: OffsetMap): OffsetMap {
    const origin = new Int32Array(this.origin.length)
    for (let i = 0; i < origin.length; i++) origin[i] = inner.origin[this.origin[i]]
    return new OffsetMap(origin)
  }
}

/** Builds a derived text piece by piece while recording where each character came from. */
export class TextBuilder {
  private readonly parts: Array<string> = []
  private readonly origins: Array<number> = []

  /** Appends original text [start, end) unchanged. */
  copy(original: string, start: number, end: number): void {
    this.parts.push(original.slice(start, end))
    for (let i = start; i < end; i++) this.origins.push(i)
  }

  /** Appends replacement text that stands for the original character at `origin`. */
  insert(text: string, origin: number): void {
    this.parts.push(text)
    for (let i = 0; i < text.length; i++) this.origins.push(origin)
  }

  get length(): number {
    return this.origins.length
  }

  finish(originalEnd: number): { text: string; map: OffsetMap } {
    const origin = new Int32Array(this.origins.length + 1)
    origin.set(this.origins)
    origin[this.origins.length] = originalEnd
    return { text: this.parts.join(""), map: new OffsetMap(origin) }
  }
}

/** Converts UTF-16 indices of one string into Unicode code point offsets. */
export class CodePointIndex {
  private readonly astral: Array<number> = []

  constructor(text: string) {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i)
      if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
        const d = text.charCodeAt(i + 1)
        if (d >= 0xdc00 && d <= 0xdfff) {
          this.astral.push(i + 1) // the low surrogate does not start a code point
          i++
        }
      }
    }
  }

  toCodePoint(utf16: number): number {
    if (this.astral.length === 0) return utf16
    return utf16 - partitionPoint(this.astral.length, (i) => this.astral[i] < utf16)
  }
}

/** Code point length of a string. */
export const codePointLength = (text: string): number => {
  let n = 0
  for (const _ of text) n++
  return n
}

/**
 * The first index in [0, length) for which `before(index)` is false, where `before` is true for a prefix
 * of the indices and false after it (a binary search over items in text order).
 */
export const partitionPoint = (length: number, before: (index: number) => boolean): number => {
  let low = 0
  let high = length
  while (low < high) {
    const mid = (low + high) >> 1
    if (before(mid)) low = mid + 1
    else high = mid
  }
  return low
}
