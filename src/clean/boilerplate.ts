/**
 * Lines that are not news: publisher footers, bylines and credits, sharing/navigation lines and
 * section labels. Each test looks at one whole line, with patterns from the clean lexicons, and says
 * which rule matched and what metadata the line carries (author, editor, date, publisher, section).
 */
import { findDates, firstPublication, type FoundDate } from "./dates.ts"
import { cleanLexicon } from "./lexicon.ts"
import { wordCount } from "./lines.ts"

export interface BoilerplateMatch {
  readonly rule: string
  readonly author?: string
  readonly editor?: string
  readonly publisher?: string
  readonly section?: string
  /** The first publication date the line states. */
  readonly date?: FoundDate
}

/** A name as written in a credit, cleaned of trailing punctuation and of a glued section label ("Zac CrellinWorld"). */
const creditName = (raw: string | undefined): { name?: string; section?: string } => {
  if (raw === undefined) return {}
  let name = raw.trim().replace(/[\s,;:.|–—-]+$/u, "")
  let section: string | undefined
  // A page's next element glued to the credit: a lowercase letter directly followed by a section label.
  const glued = /^(.*\p{Ll})(\p{Lu}[\p{L} &-]*)$/u.exec(name)
  const label = glued ? cleanLexicon().sectionLabels.get(glued[2].toLowerCase()) : undefined
  if (glued && label !== undefined) {
    name = glued[1]
    section = label
  }
  return name === "" ? {} : { name, ...(section === undefined ? {} : { section }) }
}

/** Words that begin body sentences ("By Monday, …", "By contrast, …") and so are never an author's name. */
const NOT_A_NAME = /^(?:the|this|that|then|now|contrast|comparison|law|far|then|early|late|mid|end|noon|midnight|some|most|all)\b/iu

const creditMatch = (line: string): BoilerplateMatch | null => {
  const words = wordCount(line)
  for (const credit of cleanLexicon().credits) {
    if (words > credit.maxWords) continue
    const m = credit.regex.exec(line)
    if (!m) continue
    const groups = m.groups ?? {}
    const dateText = groups.date ?? ""
    const dates = findDates(dateText)
    // "By Monday, the market had fallen": a sentence, not a byline. A byline's tail is a date or short.
    if (dateText !== "" && dates.length === 0 && wordCount(dateText) > 3) continue
    const author = creditName(groups.author)
    const editor = creditName(groups.editor)
    if (author.name !== undefined && (NOT_A_NAME.test(author.name) || cleanLexicon().weekdays.has(author.name.toLowerCase()) || cleanLexicon().months.has(author.name.toLowerCase()))) continue
    const date = firstPublication(dates)
    return {
      rule: credit.rule,
      ...(author.name === undefined ? {} : { author: author.name }),
      ...(editor.name === undefined ? {} : { editor: editor.name }),
      ...(author.section ?? editor.section ? { section: author.section ?? editor.section } : {}),
      ...(date === null ? {} : { date })
    }
  }
  return null
}

/** The boilerplate rule a whole line matches, if any. `inHeader`: the line is above the article's first sentence. */
export const matchBoilerplate = (line: string, inHeader: boolean): BoilerplateMatch | null => {
  const lexicon = cleanLexicon()
  for (const footer of lexicon.footers) {
    if (footer.regex.test(line)) return { rule: "clean/publisher-footer", publisher: footer.publisher }
  }
  const credit = creditMatch(line)
  if (credit !== null) return credit
  const words = wordCount(line)
  for (const pattern of lexicon.boilerplate) {
    if (words <= pattern.maxWords && pattern.regex.test(line)) return { rule: pattern.rule }
  }
  const section = lexicon.sectionLabels.get(line.toLowerCase().replace(/[\s:|»>]+$/u, ""))
  if (inHeader && section !== undefined) return { rule: "clean/section-label", section }
  return null
}
