/** Name comparison across documents: case, accents, dots and spacing do not make two names differ. */

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
    normalized.set(name, normal)
  }
  return normal
}
/** Names already normalised: dedupe asks for the same names many times over. */
const normalized = new Map<string, string>()

export const nameWords = (name: string): Array<string> => normalizeName(name).split(" ").filter((w) => w !== "")

/** A person's first and last word, ignoring middle names and initials ("George W. Bush" → "george bush"). */
export const firstAndLast = (name: string): string | null => {
  const words = nameWords(name)
  return words.length < 2 ? null : `${words[0]} ${words[words.length - 1]}`
}

export const lastNameWord = (name: string): string => {
  const words = nameWords(name)
  return words[words.length - 1] ?? ""
}
