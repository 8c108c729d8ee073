/**
 * Questions about a sentence's dependency tree (SYNTAX-INTERFACE.md): who is the subject of which
 * predicate, what is its object, which clause is its complement. Pure functions over the analysed
 * document; indices are into `doc.tokens`, and heads never leave the sentence.
 *
 * Relations are matched by prefix: "nsubj" matches nsubj and nsubj:pass, "obl" matches obl:tmod,
 * obl:unmarked and obl:agent.
 */
import type { AnalyzedDocument } from "../model/document.ts"

export type SyntaxDocument = Pick<AnalyzedDocument, "tokens" | "sentences">

/** Whether `deprel` is `relation` or one of its subtypes. */
export const hasRelation = (deprel: string, relation: string): boolean =>
  deprel === relation || (deprel.startsWith(relation) && deprel[relation.length] === ":")

const sentenceRange = (doc: SyntaxDocument, i: number): { first: number; end: number } => {
  const sentence = doc.sentences[doc.tokens[i].sentence]
  return sentence ? { first: sentence.firstToken, end: sentence.endToken } : { first: i, end: i + 1 }
}

/** Tokens whose head is i, in text order; only those with one of `relations` when given. */
export const dependents = (doc: SyntaxDocument, i: number, ...relations: ReadonlyArray<string>): Array<number> => {
  const { first, end } = sentenceRange(doc, i)
  const out: Array<number> = []
  for (let j = first; j < end; j++) {
    const t = doc.tokens[j]
    if (t.head !== i) continue
    if (relations.length === 0 || relations.some((r) => hasRelation(t.deprel, r))) out.push(j)
  }
  return out
}

const first = (indices: ReadonlyArray<number>): number | null => (indices.length > 0 ? indices[0] : null)

const RELATIVE_PRONOUNS = new Set(["who", "which", "that", "whom"])

/**
 * The subject of predicate i (nsubj, nsubj:pass, csubj). Without one of its own, a conjunct shares the
 * subject of the predicate it is coordinated with ("X arrived and said" → X), an open complement or a
 * subjectless adverbial clause takes its governor's ("X wants to go", "X left, saying …" → X); a
 * relative pronoun subject resolves to the noun the clause modifies ("the minister, who said" → the
 * minister). After a fronted complement the subject may follow its verb ("'We will win,' said the
 * minister"): a verb whose clausal complement comes before it and that has no subject takes its
 * post-verbal object as the subject, since UD English treats that nominal as the inverted subject and
 * the web text the parser learnt from has few such inversions. Null if none.
 */
export const subjectOf = (doc: SyntaxDocument, i: number): number | null => {
  let at = i
  for (let steps = 0; steps < 8 && at >= 0; steps++) {
    const own = first(dependents(doc, at, "nsubj", "csubj"))
    const token = doc.tokens[at]
    if (own !== null) {
      if (hasRelation(token.deprel, "acl") && RELATIVE_PRONOUNS.has(doc.tokens[own].lemma) && token.head >= 0) return token.head
      return own
    }
    const inverted = invertedSubject(doc, at)
    if (inverted !== null) return inverted
    if (token.head < 0) return null
    if (hasRelation(token.deprel, "conj") || token.deprel === "xcomp" || hasRelation(token.deprel, "advcl")) {
      // object control: "asked her to go" → her
      if (token.deprel === "xcomp") {
        const controller = first(dependents(doc, token.head, "obj", "iobj"))
        if (controller !== null) return controller
      }
      at = token.head
      continue
    }
    if (token.deprel === "acl") return token.head
    return null
  }
  return null
}

/** The nominal after a verb whose clausal complement precedes it ("…," said the minister), or null. */
const invertedSubject = (doc: SyntaxDocument, i: number): number | null => {
  const complement = complementOf(doc, i)
  if (complement === null || complement > i) return null
  const after = dependents(doc, i, "obj", "nsubj").filter((j) => j > i)
  return after.length === 1 ? after[0] : null
}

/** The direct object of i (obj), else its indirect object (iobj); null if none. */
export const objectOf = (doc: SyntaxDocument, i: number): number | null =>
  first(dependents(doc, i, "obj")) ?? first(dependents(doc, i, "iobj"))

/** The case word (preposition) of a nominal, if any. */
export const caseOf = (doc: SyntaxDocument, i: number): number | null => first(dependents(doc, i, "case"))

/** Auxiliaries of predicate i (aux, aux:pass), in text order. */
export const auxiliariesOf = (doc: SyntaxDocument, i: number): Array<number> => dependents(doc, i, "aux")

/** Whether predicate i is passive: a passive subject or auxiliary, or an agent. */
export const isPassive = (doc: SyntaxDocument, i: number): boolean =>
  dependents(doc, i).some((j) => {
    const rel = doc.tokens[j].deprel
    return rel === "nsubj:pass" || rel === "csubj:pass" || rel === "aux:pass" || rel === "obl:agent"
  })

/** The agent of a passive predicate: its obl:agent, or an oblique with case "by"; null if none. */
export const passiveAgentOf = (doc: SyntaxDocument, i: number): number | null => {
  const agent = first(dependents(doc, i, "obl:agent"))
  if (agent !== null) return agent
  if (!isPassive(doc, i)) return null
  return dependents(doc, i, "obl").find((j) => {
    const c = caseOf(doc, j)
    return c !== null && doc.tokens[c].lemma === "by"
  }) ?? null
}

/**
 * The clausal complement of i: ccomp, else xcomp, else a parataxis dependent ("he said: we will…");
 * and when i is itself in parataxis to a clause ("'We will win,' he said"), that clause. Whether i is
 * a reporting verb is for the caller to decide.
 */
export const complementOf = (doc: SyntaxDocument, i: number): number | null => {
  const clausal = first(dependents(doc, i, "ccomp")) ?? first(dependents(doc, i, "xcomp")) ?? first(dependents(doc, i, "parataxis"))
  if (clausal !== null) return clausal
  const token = doc.tokens[i]
  return token.deprel === "parataxis" && token.head >= 0 ? token.head : null
}

/** Time adverbs UD attaches as advmod (not obl:tmod): the ones that date an event. */
const TIME_ADVERBS = new Set(["today", "yesterday", "tomorrow", "tonight", "now", "then", "later", "earlier", "soon", "recently", "currently", "previously", "already", "once", "again", "ago"])

export interface Oblique {
  readonly token: number
  readonly relation: string
  /** Its preposition ("in", "by"), or null (bare "Tuesday", "yesterday"). */
  readonly caseWord: number | null
}

/** Obliques of i (obl and its subtypes) and its time adverbs, each with its case word, in text order. */
export const obliquesOf = (doc: SyntaxDocument, i: number): Array<Oblique> =>
  dependents(doc, i)
    .filter((j) => {
      const t = doc.tokens[j]
      return hasRelation(t.deprel, "obl") || (t.deprel === "advmod" && TIME_ADVERBS.has(t.lemma))
    })
    .map((j) => ({ token: j, relation: doc.tokens[j].deprel, caseWord: caseOf(doc, j) }))

/** Whether predicate i is negated: a "not"/"never" dependent, or an auxiliary written with n't. */
export const isNegated = (doc: SyntaxDocument, i: number): boolean =>
  dependents(doc, i).some((j) => {
    const t = doc.tokens[j]
    if (hasRelation(t.deprel, "advmod") && (t.lemma === "not" || t.lemma === "never" || t.lemma === "n't")) return true
    return hasRelation(t.deprel, "aux") && /n['’]t$/i.test(t.text)
  })

/** [first, end) of the subtree of i: the smallest range of tokens covering i and all its descendants. */
export const subtreeRange = (doc: SyntaxDocument, i: number): [number, number] => {
  const { first: from, end } = sentenceRange(doc, i)
  let lo = i
  let hi = i
  for (let j = from; j < end; j++) {
    let at = j
    for (let steps = 0; steps <= end - from && at >= 0 && at !== i; steps++) at = doc.tokens[at].head
    if (at === i) {
      lo = Math.min(lo, j)
      hi = Math.max(hi, j)
    }
  }
  return [lo, hi + 1]
}

/** The token of [first, end) whose head lies outside the range (the first such); null for an empty range. */
export const headOfSpan = (doc: SyntaxDocument, first: number, end: number): number | null => {
  for (let j = first; j < end; j++) {
    const h = doc.tokens[j].head
    if (h < first || h >= end) return j
  }
  return null
}
