/**
 * The on-disk form of a trained model: gzip of a text header (one JSON line saying where the model
 * came from, its licence, settings and figures, and the byte length of each section) followed by the
 * sections' bytes. `zcat models/tagger.bin.gz | head -2` shows the header.
 */
import { gunzipSync, gzipSync } from "node:zlib"
import type { PerceptronSnapshot } from "./perceptron.ts"

const MAGIC = "newsfacts-syntax-model 1"

export interface ModelHeader {
  readonly model: string
  readonly source: string
  readonly licence: string
  readonly settings: object & Record<string, any>
  readonly figures: Record<string, number>
  readonly [key: string]: unknown
}

type Section = { readonly name: string; readonly bytes: Uint8Array }

export const jsonSection = (name: string, value: unknown): Section => ({ name, bytes: new TextEncoder().encode(JSON.stringify(value)) })

/** Sorted keys stored as differences from the previous key: small numbers, which gzip packs well. */
const deltas = (keys: Uint32Array): Uint32Array => keys.map((k, i) => (i === 0 ? k : k - keys[i - 1]))

export const perceptronSections = (name: string, snapshot: PerceptronSnapshot): Array<Section> => [
  jsonSection(`${name}.classes`, snapshot.classes),
  { name: `${name}.keys`, bytes: new Uint8Array(deltas(snapshot.keys).buffer) },
  { name: `${name}.scales`, bytes: new Uint8Array(snapshot.scales.buffer, snapshot.scales.byteOffset, snapshot.scales.byteLength) },
  { name: `${name}.weights`, bytes: new Uint8Array(snapshot.quantised.buffer, snapshot.quantised.byteOffset, snapshot.quantised.byteLength) }
]

/** Gzipped model bytes; the same model gives the same bytes (gzip without a timestamp). */
export const encodeModel = (header: ModelHeader, sections: ReadonlyArray<Section>): Uint8Array => {
  const head = JSON.stringify({ ...header, sections: sections.map((s) => ({ name: s.name, bytes: s.bytes.byteLength })) })
  const text = new TextEncoder().encode(`${MAGIC}\n${head}\n`)
  const body = new Uint8Array(text.byteLength + sections.reduce((n, s) => n + s.bytes.byteLength, 0))
  body.set(text, 0)
  let at = text.byteLength
  for (const s of sections) {
    body.set(s.bytes, at)
    at += s.bytes.byteLength
  }
  return gzipSync(body, { level: 9 })
}

export interface DecodedModel {
  readonly header: ModelHeader
  readonly section: (name: string) => Uint8Array
  readonly json: <A>(name: string) => A
  readonly perceptron: (name: string) => PerceptronSnapshot
}

export const decodeModel = (gzipped: Uint8Array, file: string): DecodedModel => {
  const body = gunzipSync(gzipped)
  const firstBreak = body.indexOf(10)
  const secondBreak = body.indexOf(10, firstBreak + 1)
  const decoder = new TextDecoder()
  if (firstBreak < 0 || secondBreak < 0 || decoder.decode(body.subarray(0, firstBreak)) !== MAGIC) {
    throw new Error(`${file}: not a newsfacts syntax model (bad header)`)
  }
  const header = JSON.parse(decoder.decode(body.subarray(firstBreak + 1, secondBreak))) as ModelHeader & {
    sections: Array<{ name: string; bytes: number }>
  }
  const offsets = new Map<string, { start: number; end: number }>()
  let at = secondBreak + 1
  for (const s of header.sections) {
    offsets.set(s.name, { start: at, end: at + s.bytes })
    at += s.bytes
  }
  if (at !== body.byteLength) throw new Error(`${file}: model sections do not add up to the file's length`)
  const section = (name: string): Uint8Array => {
    const range = offsets.get(name)
    if (!range) throw new Error(`${file}: model has no section ${name}`)
    // copied so typed arrays over it are aligned
    const copy = new Uint8Array(range.end - range.start)
    copy.set(body.subarray(range.start, range.end))
    return copy
  }
  const json = <A>(name: string): A => JSON.parse(decoder.decode(section(name))) as A
  const perceptron = (name: string): PerceptronSnapshot => {
    const keys = section(`${name}.keys`)
    const scales = section(`${name}.scales`)
    const weights = section(`${name}.weights`)
    return {
      classes: json<number>(`${name}.classes`),
      keys: new Uint32Array(keys.buffer, keys.byteOffset, keys.byteLength / 4).map(
        (sum => (d: number) => (sum = (sum + d) >>> 0))(0)
      ),
      scales: new Float32Array(scales.buffer, scales.byteOffset, scales.byteLength / 4),
      quantised: new Int8Array(weights.buffer, weights.byteOffset, weights.byteLength)
    }
  }
  return { header, section, json, perceptron }
}
