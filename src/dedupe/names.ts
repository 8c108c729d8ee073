/**
 * Name comparison across documents: case, accents, dots, spacing and the British spelling of "centre"
 * and "theatre" do not make two names differ.
 */
import { Schema } from "effect"
import { loadLexicon } from "../lexicons/load.ts"

export const normalizeName = (name: string): string => {
  let normal = normalized.get(name)
  if (normal === undefined) {
    normal = name
      .normalize("NFKD")
      .replace(/\p{M}/gu, "")
      .toLowerCase()
      .replace(/[’']/g, "'")
      .replace(/\./g, " ")
      .replace(/\s+/g, " ")
      .trim()
      .replace(/\b(cent|theat)re\b/g, "$1er")
    normalized.set(name, normal)
  }
  return normal
}
/** Names already normalised: dedupe asks for the same names many times over. */
const normalized = new Map<string, string>()

export const nameWords = (name: string): Array<string> => normalizeName(name).split(" ").filter((w) => w !== "")

/**
 * The words of a person's name that tell who it is: without a generational suffix ("Jr", "Sr", "III"),
 * commas, or a nickname in quotes or brackets between the names ("Kimani (Kiki) Gray" → kimani gray),
 * and without leading initials when a given name follows ("W. Mark Felt" → mark felt).
 */
export const personNameWords = (name: string): Array<string> => {
  const all = nameWords(name)
  // "Kimani (Kiki) Gray", "Luis Gerardo 'Jerry' Ortiz": a nickname between the names is no part of the name.
  let words = (all.filter((w) => !isNicknameWord(w)).length >= 2 ? all.filter((w) => !isNicknameWord(w)) : all)
    .map((w) => w.replace(/^[("“‘']+|[)"”’',]+$/gu, ""))
    .filter((w) => w !== "")
  while (words.length > 2 && GENERATIONAL.has(words[words.length - 1])) words = words.slice(0, -1)
  while (words.length > 2 && words[0].length === 1) words = words.slice(1)
  return words
}
const GENERATIONAL = new Set(["jr", "sr", "ii", "iii", "iv"])

/** "Jr.", "Sr", "III": a generational suffix after a person's surname. */
export const isGenerationalSuffix = (word: string): boolean => GENERATIONAL.has(word.toLowerCase().replace(/[.,]+$/, ""))

const isNicknameWord = (word: string): boolean => /^[("“‘'].*[)"”’']$/u.test(word)

/**
 * A person's full name as the corpus compares it: normalised, without a nickname between the names
 * ("Kimani (Kiki) Gray" → kimani gray); initials and a generational suffix stay ("John Smith Sr" is
 * not "John Smith Jr").
 */
export const personNameKey = (name: string): string => {
  const words = nameWords(name)
  const plain = words.filter((w) => !isNicknameWord(w))
  return (plain.length >= 2 ? plain : words).join(" ")
}

/** The nicknames written inside a person's name: "Luis Gerardo 'Jerry' Ortiz" → jerry. */
export const nicknameWords = (name: string): Array<string> =>
  nameWords(name).filter(isNicknameWord).map((w) => w.replace(/^[("“‘']+|[)"”’']+$/gu, ""))

/** A person's first and last word, ignoring middle names and initials ("George W. Bush" → "george bush"). */
export const firstAndLast = (name: string): string | null => {
  const words = personNameWords(name)
  return words.length < 2 ? null : `${words[0]} ${words[words.length - 1]}`
}

export const lastNameWord = (name: string): string => {
  const words = personNameWords(name)
  return words[words.length - 1] ?? ""
}

export const firstNameWord = (name: string): string => personNameWords(name)[0] ?? ""

const nicknames = (): ReadonlyMap<string, ReadonlySet<string>> =>
  (nicknameIndex ??= new Map(Object.entries(loadLexicon("dedupe-nicknames.json", Schema.Record(Schema.String, Schema.Array(Schema.String)))).map(([name, short]) => [name, new Set(short)])))
let nicknameIndex: ReadonlyMap<string, ReadonlySet<string>> | undefined

/** Whether `short` is a short form of the given name `given`: a prefix of three letters or more ("Fred", "Alex") or a listed nickname ("Mo" of Maurice). */
const isShortFormOf = (short: string, given: string): boolean =>
  short !== given && ((short.length >= 3 && given.startsWith(short)) || (nicknames().get(given)?.has(short) ?? false))

/**
 * Whether two full names of one surname may name the same person by their given names: a short form
 * ("Fred LaRue", "Frederick Cheney LaRue"), the nickname the other writes inside the name ("Jerry
 * Ortiz", "Luis Gerardo 'Jerry' Ortiz"), or the shorter name's given name is a middle name of the
 * longer one ("Joseph Comeaux", "Arcade Joseph Comeaux Jr").
 */
export const givenNamesAgree = (a: ReadonlyArray<string>, b: ReadonlyArray<string>, nicknamesOfA: ReadonlyArray<string> = [], nicknamesOfB: ReadonlyArray<string> = []): boolean =>
  isShortFormOf(a[0], b[0]) || isShortFormOf(b[0], a[0]) || nicknamesOfA.includes(b[0]) || nicknamesOfB.includes(a[0]) ||
  (a.length === 2 && b.slice(1, -1).includes(a[0])) || (b.length === 2 && a.slice(1, -1).includes(b[0]))

/** Edits (insert, delete, substitute, swap two neighbours) from one word to the other: optimal string alignment. */
export const editDistance = (a: string, b: string): number => {
  const rows = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)))
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      rows[i][j] = Math.min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost)
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) rows[i][j] = Math.min(rows[i][j], rows[i - 2][j - 2] + 1)
    }
  }
  return rows[a.length][b.length]
}

/** A word's consonants in order: what spellings and transliterations of one name keep ("Heidar", "Heydar" → hdr). */
const consonants = (word: string): string => word.replace(/[aeiouyhw]/g, "")

/**
 * Whether two words of a name (normalised, the same first letter) are spellings
 * of one name: they differ only in vowels, "y", "h" or "w", within two edits — the letters
 * transliteration and English spelling vary (scripts such as Persian and Arabic do not write short
 * vowels: "Heidar", "Heydar"; "Betty", "Bettie"), or only in an "h" at any length ("Jon", "John").
 * Other words under four letters are left alone ("Dan", "Don"); other consonants make another name
 * ("Robert", "Rupert").
 */
export const isSpellingVariant = (a: string, b: string): boolean => {
  if (a === b || a[0] !== b[0]) return false
  // An "h" written or left out is one name at any length ("Jon", "John"; "Sara", "Sarah").
  if (Math.min(a.length, b.length) >= 3 && a.replace(/h/g, "") === b.replace(/h/g, "")) return true
  return Math.min(a.length, b.length) >= 4 && consonants(a) === consonants(b) && editDistance(a, b) <= 2
}

/**
 * Whether two surnames are one name misspelt: a spelling variant, or for names of six letters or more
 * one slip of typing (Damerau 1964: most misspellings are one insertion, deletion, substitution or
 * swap of neighbours: "Klitschko", "Klistchko"; "Alishvandi", "Alishbandi").
 */
export const isSurnameVariant = (a: string, b: string): boolean =>
  isSpellingVariant(a, b) || (a !== b && a[0] === b[0] && Math.min(a.length, b.length) >= 6 && editDistance(a, b) <= 1)
