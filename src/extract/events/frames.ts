/**
 * An event's frame read from the dependency parse: who does it (agent → `sourceKeys`) and to whom
 * (patient → `targetKeys`), from the arcs of its trigger rather than from word order.
 *
 * - Verb, active: the subject is the agent (shared along conj / xcomp / advcl, relative pronouns
 *   resolved: `subjectOf`), the object the patient; without an object, a "with"/"against" oblique is
 *   the patient ("cooperating with the government").
 * - Verb, passive: the "by" agent is the agent, the passive subject the patient; a reduced relative
 *   ("the man arrested on Monday") has the noun it modifies as its patient.
 * - Noun: "by"/"from" is the agent, "of"/"on"/"against"/"with"/"to"/"over" the patient, "between" /
 *   "among" both agents; a possessor or a modifier naming an actor ("Trump's announcement", "US
 *   sanctions") is the agent, or the patient for types whose possessor undergoes them ("Smith's
 *   arrest"). A noun taken as object by a support verb ("Turkey began an offensive", "held talks with
 *   Iran") gets that verb's subject as agent and its "with" oblique as patient.
 *
 * An argument names the actor whose mention covers its head word (a conjunct adds its own); when no
 * actor covers the head ("members of the House", "Chinese officials"), the actors named inside its
 * noun phrase stand for it (relative clauses, appositions and clauses left out). A news agency, byline
 * or dateline is a participant only as the head of an argument ("Reuters sued the agency").
 */
import type { Token } from "../../model/document.ts"
import { partitionPoint } from "../../model/span.ts"
import type { SyntaxDocument } from "../../segment/syntax.ts"
import { caseOf, dependents, hasRelation, headOfSpan, isNegated, isPassive, objectOf, passiveAgentOf, subjectOf, subtreeRange } from "../../segment/syntax.ts"
import type { EventRoles, Participant } from "./participants.ts"

export interface FrameParticipant extends Participant {
  /** A news agency, byline author, publisher or dateline place: only ever the head of an argument. */
  readonly reporter: boolean
  /** A name the actors stage took for a place ("PG&E", "Washington"): an actor only as the subject of a verb. */
  readonly place?: boolean
}

export interface FrameTrigger {
  readonly first: number
  readonly last: number
  readonly noun: boolean
}

export interface FrameOptions {
  /** Prepositions the trigger's lexicon entry takes right after it ("call on", "call for"): their object is the patient. */
  readonly particles: ReadonlyArray<string>
  /** A modifier naming an actor is the noun's agent ("US sanctions", "Turkish offensive"): PLOVER interactions and statements, not
   * elections, disasters or policies, where a country modifier is where it happens ("the US presidential election"). */
  readonly modifierActs: boolean
  /** Whether token i is an event trigger: an argument that is itself an event ("announced Smith's arrest") names no participant of this one. */
  readonly isTrigger: (i: number) => boolean
  /** A possessor of the noun undergoes the event ("Smith's arrest"). */
  readonly possessorIsPatient: boolean
  /** Obliques of a verb that name its patient besides "with"/"against": the addressee of a statement or the receiver of a transfer ("disclosed the matter to the EPA"). */
  readonly patientCases: ReadonlyArray<string>
  /** An "of" phrase of the noun is who does it ("the invitation of the government", "a statement of the ministry"), not who undergoes it ("the arrest of Smith"). */
  readonly ofIsAgent: boolean
  /** Support verbs by UD lemma ("begin", "hold", "carry"). */
  readonly supportVerbs: ReadonlySet<string>
}

type Role = "agent" | "patient"

const NOUN_CASE_ROLE: Record<string, Role | "both"> = {
  by: "agent", from: "agent", of: "patient", on: "patient", against: "patient", with: "patient", to: "patient", over: "patient", between: "both", among: "both"
}
/** Obliques of an active verb that name its patient when it has no object. */
const VERB_PATIENT_CASES = new Set(["with", "against"])
/** Dependents that are not part of an argument's noun phrase. */
/** Obliques by which an event noun is what its governing verb's subject takes part in. */
const PARTAKING_CASES = new Set(["for", "in", "during", "at"])
const OUTSIDE_PHRASE = ["acl", "appos", "parataxis", "advcl", "ccomp", "cc", "punct", "dep"]
/** Prepositions that cannot open a clause with a subject, unlike "after", "as", "for" ("for the US to act"), "with" ("with the Tories set to campaign"). */
const PREPOSITIONS_ONLY = new Set(["on", "in", "at", "by", "from", "into", "onto", "of", "about", "over", "through", "via", "across", "under"])
const FINITE_MARKERS = new Set(["after", "before", "because", "when", "while", "since", "until", "although", "though", "as", "once", "whereas"])
const PERSONAL_PRONOUNS = new Set(["he", "she", "they", "it", "we"])
const RELATIVE_PRONOUNS = new Set(["who", "which", "that", "whom"])

/** The participants a token lies in (several when mentions nest), by binary search over the sorted participants. */
export const participantLookup = <P extends Participant>(tokens: ReadonlyArray<Token>, sorted: ReadonlyArray<P>) => (i: number): Array<P> => {
  const token = tokens[i]
  const out: Array<P> = []
  // Mentions are short: look back a few from the first one starting after the token.
  const upper = partitionPoint(sorted.length, (k) => sorted[k].start < token.end)
  // Overlap, not containment: "Trump's" is one token, the mention "Trump" part of it.
  for (let k = upper - 1; k >= 0 && k >= upper - 8; k--) if (sorted[k].start < token.end && token.start < sorted[k].end) out.push(sorted[k])
  return out
}

export const frameRoles = (
  doc: SyntaxDocument,
  trigger: FrameTrigger,
  at: (i: number) => ReadonlyArray<FrameParticipant>,
  options: FrameOptions
): EventRoles | null => {
  const { tokens } = doc
  const h = headOfSpan(doc, trigger.first, trigger.last + 1)
  if (h === null || tokens[h].deprel === "") return null
  const agents: Array<number> = []
  const patients: Array<number> = []
  let rule: string
  let fallback = false
  /** Arguments that are the subject of an active verb: the only place a place name acts ("Washington imposed sanctions"). */
  const verbSubjects: Array<number> = []
  // A lexicon noun the parser reads as a verb with its own subject or object ("China could sanction the US") is a verb.
  const verbal = !trigger.noun || (tokens[h].upos === "VERB" && dependents(doc, h, "nsubj", "obj").length > 0)
  if (verbal) {
    const token = tokens[h]
    // A noun that is its sentence's root with a verb as its clause is a misparsed subject and predicate
    // ("Six other U.S. diplomats fled to the Canadian embassy"): the verb is the predicate, not a reduced relative.
    const nounRoot = token.deprel === "acl" && token.head >= 0 && tokens[token.head].deprel === "root" && tokens[token.head].upos !== "VERB" &&
      token.head < h && !isPassiveVoice(doc, h) && byOblique(doc, h) === null
    const reduced = !nounRoot && token.deprel === "acl" && dependents(doc, h, "nsubj", "aux").length === 0 && /(?:ed|en|wn)$/.test(token.normal)
    if (reduced) {
      // "the man arrested on Monday": the noun modified is the patient.
      patients.push(token.head)
      push(agents, passiveAgentOf(doc, h) ?? byOblique(doc, h))
      rule = "participants:frame-reduced-relative"
    } else if (isPassiveVoice(doc, h)) {
      push(agents, passiveAgentOf(doc, h) ?? strandedAgent(doc, h, options.isTrigger))
      patients.push(...subjectsOf(doc, h))
      rule = "participants:frame-passive"
    } else {
      verbSubjects.push(...(nounRoot ? [token.head] : subjectsOf(doc, h)))
      agents.push(...verbSubjects)
      if (agents.length === 0) {
        // The parser found no subject (often a misattached one: "the SDF (…) announced"): the nearest
        // actor before the verb with no other verb between stands for it.
        const nearest = nearestActorBefore(doc, h, at)
        if (nearest !== null) {
          agents.push(nearest)
          fallback = true
        }
      }
      // "the protesters Wikinews interviewed": a relative clause with a subject and no object of its own has the noun it modifies as its object.
      const gapped = token.deprel === "acl:relcl" && dependents(doc, h, "nsubj").length > 0 && dependents(doc, h, "obj", "ccomp", "xcomp").length === 0 &&
        !dependents(doc, h).some((j) => RELATIVE_PRONOUNS.has(tokens[j].lemma) && tokens[j].upos === "PRON") && dependents(doc, h, "obl").every((j) => caseOf(doc, j) !== null)
      const object = objectOf(doc, h) ?? (gapped ? token.head : null) ?? strandedObject(doc, h, at)
      if (object !== null) patients.push(object)
      // "China arrested her brother, John Smith": the parser reads the apposition as a second subject.
      const apposition = misparsedApposition(doc, h, object)
      if (apposition !== null) {
        agents.splice(agents.indexOf(apposition), 1)
        verbSubjects.splice(verbSubjects.indexOf(apposition), 1)
        patients.push(apposition)
      }
      else {
        for (const j of dependents(doc, h, "obl")) {
          const c = caseOf(doc, j)
          // "cooperating with the government"; the trigger's own preposition: "called on the US".
          if (VERB_PATIENT_CASES.has(caseLemma(doc, j)) || options.patientCases.includes(caseLemma(doc, j)) || (c !== null && c >= trigger.first && c <= trigger.last + 1 && options.particles.includes(caseLemma(doc, j)))) patients.push(j)
        }
      }
      rule = "participants:frame-active"
    }
  } else {
    // "left two people dead", "the injured passengers": who is dead or hurt is the noun the word describes.
    if (options.possessorIsPatient && tokens[h].deprel === "amod" && tokens[h].head >= 0) patients.push(tokens[h].head)
    for (const j of dependents(doc, h)) {
      const rel = tokens[j].deprel
      if (rel === "nmod:poss") (options.possessorIsPatient ? patients : agents).push(j)
      else if (rel === "compound" || rel === "amod") {
        if (options.modifierActs && at(j).length > 0) agents.push(j)
      } else if (hasRelation(rel, "nmod")) {
        const role = caseLemma(doc, j) === "of" && options.ofIsAgent ? "agent" : NOUN_CASE_ROLE[caseLemma(doc, j)]
        if (role === "both") agents.push(j)
        else if (role === "agent") agents.push(j)
        else if (role === "patient") patients.push(j)
      }
    }
    rule = "participants:frame-noun"
    // "Turkey began a military offensive", "entered into an agreement with the government", "held talks with Iran".
    const governor = tokens[h].head
    // "Investigations have been launched by the FAA": the passive subject of a support verb, whose agent is the noun's.
    const supportedPassive = governor >= 0 && tokens[h].deprel === "nsubj:pass" && options.supportVerbs.has(tokens[governor].lemma)
    const supported = governor >= 0 && (tokens[h].deprel === "obj" || tokens[h].deprel === "xcomp" || (hasRelation(tokens[h].deprel, "obl") && caseLemma(doc, h) === "into")) &&
      options.supportVerbs.has(tokens[governor].lemma) || supportedPassive
    // "met in London for trade talks", "took part in the talks": whoever does the governing verb takes part in the event it is for.
    // "followed it up with a press conference" too, unless the verb is an event of its own ("charged him with murder").
    const takesPart = governor >= 0 && hasRelation(tokens[h].deprel, "obl") && tokens[governor].upos === "VERB" &&
      (PARTAKING_CASES.has(caseLemma(doc, h)) || (caseLemma(doc, h) === "with" && !options.isTrigger(governor)))
    if (takesPart && agents.length === 0) {
      if (!isPassiveVoice(doc, governor)) verbSubjects.push(...subjectsOf(doc, governor))
      agents.push(...verbSubjects)
      rule = "participants:frame-governor"
    }
    if (supported) {
      // The noun's own agent, when it names nobody ("his announcement"), yields to the support verb's subject.
      if (agents.flatMap((a) => argumentActors(doc, a, at, false, options.isTrigger)).length === 0) {
        agents.length = 0
        if (isPassiveVoice(doc, governor)) push(agents, passiveAgentOf(doc, governor))
        else {
          verbSubjects.push(...subjectsOf(doc, governor))
          agents.push(...verbSubjects)
          // As for a verb trigger: with no subject in the parse, the nearest actor before the support verb.
          if (agents.length === 0) {
            const nearest = nearestActorBefore(doc, governor, at)
            if (nearest !== null) {
              agents.push(nearest)
              fallback = true
            }
          }
        }
      }
      if (patients.length === 0) for (const j of dependents(doc, governor, "obl")) if (VERB_PATIENT_CASES.has(caseLemma(doc, j))) patients.push(j)
      rule = "participants:frame-support-verb"
    }
  }
  const agentKeys = unique(agents.flatMap((a) => argumentActors(doc, a, at, verbSubjects.includes(a), options.isTrigger)))
  const patientKeys = unique(patients.flatMap((a) => argumentActors(doc, a, at, false, options.isTrigger))).filter((k) => !agentKeys.includes(k))
  return { actorKeys: unique([...agentKeys, ...patientKeys]), sourceKeys: agentKeys, targetKeys: patientKeys, rule: fallback ? `${rule};participants:nearest-subject` : rule }
}

/**
 * Passive voice needs a passive auxiliary or an agent: the parser's nsubj:pass label alone is often
 * wrong on active verbs ("The mayor … advised residents").
 */
const isPassiveVoice = (doc: SyntaxDocument, h: number): boolean =>
  dependents(doc, h, "aux:pass").length > 0 ||
  // A "by" phrase the parser hung on a verb with an active subject and an object belongs to the object
  // ("the journal Science published a report by a team …"): the verb is active.
  (dependents(doc, h, "obl:agent").length > 0 && !(dependents(doc, h, "nsubj").length > 0 && dependents(doc, h, "obj").length > 0)) || (isPassive(doc, h) && dependents(doc, h, "obj").length === 0 && /(?:ed|en|wn)$/.test(doc.tokens[h].normal) &&
    // A passive subject label needs a form of "be" or "get" as well: "52% of voters voted" is active.
    dependents(doc, h, "aux", "cop").some((j) => PASSIVE_AUXILIARY_LEMMAS.has(doc.tokens[j].lemma)))
const PASSIVE_AUXILIARY_LEMMAS = new Set(["be", "get"])

/** The subjects of a predicate: all its own (a misparsed apposition "agent Tony Mendez" gives two), else the shared one. */
const subjectsOf = (doc: SyntaxDocument, h: number): Array<number> => {
  // A "subject" right after a preposition the parser took for the verb's marker is that preposition's
  // object ("Solberg posted on Twitter asking for …"): the verb has no subject of its own.
  const labelled = dependents(doc, h, "nsubj")
  const own = labelled.filter((j) => {
    const before = subtreeRange(doc, j)[0] - 1
    return !(before >= 0 && doc.tokens[before].head === h && doc.tokens[before].deprel === "mark" && PREPOSITIONS_ONLY.has(doc.tokens[before].lemma))
  })
  if (own.length === 0 && labelled.length > 0) {
    const { deprel, head } = doc.tokens[h]
    const shares = head >= 0 && (hasRelation(deprel, "advcl") || hasRelation(deprel, "conj") || deprel === "xcomp")
    const shared = shares ? subjectOf(doc, head) : null
    return shared === null ? [] : [shared]
  }
  if (own.length > 1) return own
  // A finite adverbial clause ("… after Ford disclosed the matter") has a subject of its own, even when
  // the parser attached it elsewhere: it does not share its governor's.
  if (own.length === 0 && hasRelation(doc.tokens[h].deprel, "advcl") && !/ing$/.test(doc.tokens[h].normal)) {
    const marked = dependents(doc, h, "mark").some((j) => FINITE_MARKERS.has(doc.tokens[j].lemma))
    const sentenceStart = doc.sentences[doc.tokens[h].sentence]?.firstToken ?? h
    const markerBefore = [1, 2, 3].some((k) => h - k >= sentenceStart && FINITE_MARKERS.has(doc.tokens[h - k].lemma))
    if (marked || markerBefore) return []
  }
  const shared = subjectOf(doc, h)
  if (shared === null) return []
  // The governor's subjects, when the parser gave it several ("A resident of Antioch, Illinois,
  // Rittenhouse is accused of … killing two people"): the conjunct or complement shares them all.
  const governor = doc.tokens[shared].head
  // Only for a non-finite complement: a finite clause the parser left without its subject ("after his side
  // were denied") is not the governor's.
  const nonFinite = /ing$/.test(doc.tokens[h].normal) || doc.tokens[h].deprel === "xcomp"
  const all = nonFinite && governor >= 0 && hasRelation(doc.tokens[shared].deprel, "nsubj") ? dependents(doc, governor, "nsubj") : []
  return all.length > 1 ? all : [shared]
}

/**
 * A subject the parser gave a verb after its object, set off by a comma ("arrested her brother, John
 * Smith"): an apposition of the object, not a second subject.
 */
const misparsedApposition = (doc: SyntaxDocument, h: number, object: number | null): number | null => {
  if (object === null || object < h) return null
  const own = dependents(doc, h, "nsubj")
  if (own.length < 2) return null
  const later = own.find((j) => j > object && /,\s*$/.test(doc.tokens[j - 1].post) && !doc.tokens.slice(object + 1, j).some((t) => t.upos === "VERB"))
  return later ?? null
}

/**
 * An actor right after a verb that has no object, which the parser attached as the subject of a later
 * clause ("China criticized the US on Monday, Reuters reported" read as "the US … reported"): the object.
 */
const strandedObject = (doc: SyntaxDocument, h: number, at: (i: number) => ReadonlyArray<FrameParticipant>): number | null => {
  let j = h + 1
  while (j < doc.tokens.length && doc.tokens[j].sentence === doc.tokens[h].sentence && (doc.tokens[j].upos === "DET" || doc.tokens[j].upos === "ADJ")) j++
  const t = doc.tokens[j]
  if (t === undefined || t.sentence !== doc.tokens[h].sentence || !hasRelation(t.deprel, "nsubj") || t.head <= j || /[,;:]/.test(doc.tokens[j - 1].post)) return null
  return at(j).length > 0 ? j : null
}

/**
 * A passive verb's "by" phrase the parser hung on the verb's object ("Pensioners are being promised
 * energy savings by the Liberal Democrats": "by … Democrats" read as a modifier of "savings"): the
 * agent, unless that object is an event of its own ("the attack by China" keeps its agent).
 */
const strandedAgent = (doc: SyntaxDocument, h: number, isTrigger: (i: number) => boolean): number | null => {
  for (const j of dependents(doc, h, "obj", "iobj")) {
    if (isTrigger(j)) continue
    const by = dependents(doc, j, "nmod").find((k) => caseLemma(doc, k) === "by")
    if (by !== undefined) return by
  }
  return null
}

const nearestActorBefore = (doc: SyntaxDocument, h: number, at: (i: number) => ReadonlyArray<FrameParticipant>): number | null => {
  const sentence = doc.sentences[doc.tokens[h].sentence]
  for (let j = h - 1; j >= (sentence?.firstToken ?? h); j--) {
    const t = doc.tokens[j]
    if (t.upos === "VERB" || /[;:]/.test(t.post)) return null
    if (at(j).some((p) => !p.reporter && !p.pronoun)) return j
  }
  return null
}

const push = (into: Array<number>, i: number | null) => {
  if (i !== null) into.push(i)
}
const unique = (keys: ReadonlyArray<string>) => [...new Set(keys)]

const caseLemma = (doc: SyntaxDocument, i: number): string => {
  const c = caseOf(doc, i)
  return c === null ? "" : doc.tokens[c].lemma
}

/** An oblique of i introduced by "by" (a reduced relative's agent: "the man arrested by police"). */
const byOblique = (doc: SyntaxDocument, i: number): number | null => dependents(doc, i, "obl").find((j) => caseLemma(doc, j) === "by") ?? null

/** The actors an argument headed by token a names: its own, its conjuncts', or those inside its noun phrase. */
const argumentActors = (doc: SyntaxDocument, a: number, at: (i: number) => ReadonlyArray<FrameParticipant>, subject: boolean, isTrigger: (i: number) => boolean): Array<string> => {
  if (isTrigger(a)) return []
  const heads = [a, ...conjunctsOf(doc, a)]
  return heads.flatMap((head) => {
    // A relative pronoun ("who") stands for the noun its clause modifies.
    const token = doc.tokens[head]
    // A reporter (agency, byline, dateline) only as the argument's own head, not as a conjunct.
    const own = at(head).filter((p) => (head === a || !p.reporter) && (subject || !p.place))
    if (own.length > 0) {
      // "officials from the two countries": a group noun stands for the countries or organisations it comes from.
      if (own.every((p) => p.group)) {
        const inside = groupOrigin(doc, head).flatMap((j) => at(j).filter((p) => !p.reporter && !p.group && !p.place).map((p) => p.key))
        if (inside.length > 0) return inside
      }
      return own.map((p) => p.key)
    }
    if (RELATIVE_PRONOUNS.has(token.lemma) && token.upos === "PRON") {
      // An object relative pronoun ("the man whom police arrested") stands for the noun its clause modifies;
      // a subject one is resolved by `subjectOf`.
      const clause = token.head
      const relative = clause >= 0 && doc.tokens[clause].deprel === "acl:relcl" && !hasRelation(token.deprel, "nsubj")
      return relative && head === a ? argumentActors(doc, doc.tokens[clause].head, at, false, isTrigger) : []
    }
    // "the RCMP confirmed they seized the substance": the subject of a complement clause that is a
    // pronoun stands for the subject of the clause it completes.
    if (PERSONAL_PRONOUNS.has(token.lemma) && (hasRelation(token.deprel, "nsubj") || token.deprel === "nmod:poss")) return matrixSubjectActors(doc, head, at)
    // "PG&E stated it scheduled the blackouts", parsed as an object controlling an open complement with
    // no "to": the pronoun is the complement's subject, and stands for the subject of the verb it completes.
    if (PERSONAL_PRONOUNS.has(token.lemma) && token.deprel === "obj" && token.head >= 0 && dependents(doc, token.head, "xcomp").some((j) => j === head + 1 && dependents(doc, j, "mark").length === 0)) {
      const subject = subjectOf(doc, token.head)
      return subject === null || PERSONAL_PRONOUNS.has(doc.tokens[subject].lemma) ? [] : at(subject).filter((p) => !p.reporter).map((p) => p.key)
    }
    const inside = phraseTokens(doc, head).flatMap((j) => at(j).filter((p) => !p.reporter && !p.place))
    // A singular noun holding a person is that person ("former Vice President of the United States Joe
    // Biden", the parser's head being the title): the country or body in its phrase is the title's, not a second party.
    const people = inside.filter((p) => p.person === true)
    const singular = token.upos === "NOUN" && !/s$/.test(token.normal)
    return (singular && people.length > 0 ? people : inside).map((p) => p.key)
  })
}

const matrixSubjectActors = (doc: SyntaxDocument, pronoun: number, at: (i: number) => ReadonlyArray<FrameParticipant>): Array<string> => {
  // Up the tree from the pronoun's clause ("… confirmed they seized", "… a video in which he thanked")
  // to the nearest predicate whose subject is a name.
  let clause = doc.tokens[pronoun].head
  for (let steps = 0; steps < 5 && clause >= 0; steps++) {
    clause = doc.tokens[clause].head
    if (clause < 0) return []
    // A noun on the way ("a video in which he thanked") has no subject to lend: climb on to its predicate.
    if (doc.tokens[clause].upos === "NOUN" || doc.tokens[clause].upos === "PROPN") continue
    // Without a subject in the parse ("the SDF (…) announced it had entered"), the nearest actor before the governing verb.
    const subject = subjectOf(doc, clause) ?? nearestActorBefore(doc, clause, at)
    if (subject !== null && subject !== pronoun && !PERSONAL_PRONOUNS.has(doc.tokens[subject].lemma)) {
      const own = at(subject).filter((p) => !p.place)
      return own.length > 0 ? own.map((p) => p.key) : phraseTokens(doc, subject).flatMap((j) => at(j).filter((p) => !p.reporter && !p.place).map((p) => p.key))
    }
  }
  return []
}

/** Conjuncts of a, and items of a list the parse gives as `list` ("Bessent and Greer as well as Lutnick"). */
const conjunctsOf = (doc: SyntaxDocument, a: number): Array<number> => {
  const out: Array<number> = []
  const walk = (i: number, depth: number) => {
    for (const j of dependents(doc, i, "conj", "list")) {
      out.push(j)
      if (depth < 4) walk(j, depth + 1)
    }
  }
  walk(a, 0)
  return out
}

/** Cases by which a group noun says whom it belongs to ("officials from the two countries", "members of the House"). */
const ORIGIN_CASES = new Set(["from", "of"])

/**
 * The tokens that say whose a group is: a possessor, a modifier, or a "from"/"of" phrase with what it
 * holds; not a place it is in ("protesters in Kenosha, Wisconsin, United States").
 */
const groupOrigin = (doc: SyntaxDocument, group: number): Array<number> =>
  dependents(doc, group).flatMap((j) => {
    const rel = doc.tokens[j].deprel
    if (rel === "nmod:poss" || rel === "compound" || rel === "amod") return [j, ...phraseTokens(doc, j)]
    // The head of the phrase with its own words ("the two countries", "the House"), not what it holds
    // in turn ("residents of some other areas, such as Jefferson Parish").
    if (rel === "nmod" && ORIGIN_CASES.has(caseLemma(doc, j))) return [j, ...dependents(doc, j, "compound", "amod", "flat", "det", "nummod")]
    return []
  })

/** The tokens of the noun phrase headed by a: its dependents, leaving out clauses, appositions and conjuncts. */
const phraseTokens = (doc: SyntaxDocument, a: number): Array<number> => {
  const out: Array<number> = []
  const walk = (i: number, depth: number) => {
    for (const j of dependents(doc, i)) {
      if (OUTSIDE_PHRASE.some((rel) => hasRelation(doc.tokens[j].deprel, rel))) continue
      out.push(j)
      if (depth < 3) walk(j, depth + 1)
    }
  }
  walk(a, 0)
  return out
}

/** Governing verbs (UD lemma) that put the event they take as complement or object in a modality. */
const NEGATING_GOVERNORS = new Set(["refuse", "fail", "decline", "deny", "refrain", "avoid"])
const HYPOTHESISING_GOVERNORS = new Set(["want", "hope", "seek", "propose", "demand", "urge", "ask", "aim", "try", "consider", "accuse", "allege", "claim", "suspect", "threaten", "wish", "offer", "call", "suggest", "charge"])
const EXPECTING_GOVERNORS = new Set(["plan", "expect", "schedule", "set", "intend", "prepare", "due", "begin to", "promise", "pledge", "vow", "order"])
const FUTURE_AUXILIARIES = new Set(["will", "shall", "'ll"])
const MODAL_AUXILIARIES = new Set(["could", "might", "may", "should", "would", "can", "must", "ca"])
/** Marks that make a clause the content of the verb governing it ("refused to meet", "accused of shooting", "refrained from criticising"). */
const COMPLEMENT_MARKERS = new Set(["to", "of", "for", "from"])
/** Prepositions that make a noun the content of the verb governing it ("accused of murder", "called for talks", "refrained from criticism"). */
const OBLIQUE_MARKERS = new Set(["of", "for", "from"])

export type ParsedModality = "asserted" | "expected" | "hypothetical" | "negated"

/**
 * Modality read from the arcs of a trigger: its own negation, auxiliaries and "if"/"unless" clause,
 * then the verb that governs it through an open complement, an object or an oblique ("refused to
 * meet", "plans to visit", "is expected to sign", "accused of shooting", "called for talks", "refrained
 * from criticism"), and the
 * support verb of an event noun ("could not reach an agreement"). Negation
 * wins over hypothesis, hypothesis over expectation. Null when the trigger's sentence has no parse.
 */
export const parsedModality = (doc: SyntaxDocument, trigger: FrameTrigger, supportVerbs: ReadonlySet<string>): ParsedModality | null => {
  const { tokens } = doc
  const h = headOfSpan(doc, trigger.first, trigger.last + 1)
  if (h === null || tokens[h].deprel === "") return null
  const found = new Set<ParsedModality>()
  let at = h
  let viaComplement = false
  for (let steps = 0; steps < 4 && at >= 0; steps++) {
    const token = tokens[at]
    if (isNegated(doc, at) || dependents(doc, at, "det").some((j) => tokens[j].lemma === "no")) found.add("negated")
    for (const j of dependents(doc, at, "aux")) {
      const word = tokens[j].text.toLowerCase()
      if (FUTURE_AUXILIARIES.has(word) || FUTURE_AUXILIARIES.has(tokens[j].lemma)) found.add("expected")
      else if (MODAL_AUXILIARIES.has(word)) found.add("hypothetical")
    }
    if (dependents(doc, at, "mark").some((j) => tokens[j].lemma === "if" || tokens[j].lemma === "unless")) found.add("hypothetical")
    if (steps > 0 && viaComplement) {
      if (NEGATING_GOVERNORS.has(token.lemma)) found.add("negated")
      else if (HYPOTHESISING_GOVERNORS.has(token.lemma)) found.add("hypothetical")
      else if (EXPECTING_GOVERNORS.has(token.lemma)) found.add("expected")
    }
    // Up only through what makes the event the governor's content: an open complement, an object, an
    // oblique of a verb ("accused of shooting"), a conjunct sharing its auxiliaries.
    const rel = token.deprel
    viaComplement = rel === "xcomp" || (hasRelation(rel, "advcl") && dependents(doc, at, "mark").some((j) => COMPLEMENT_MARKERS.has(tokens[j].lemma))) ||
      (hasRelation(rel, "obl") && OBLIQUE_MARKERS.has(caseLemma(doc, at)))
    // The noun of a support verb takes the verb's modality ("could not reach an agreement", "decisions were not made").
    const supported = (rel === "obj" || rel === "nsubj:pass") && token.head >= 0 && supportVerbs.has(tokens[token.head].lemma)
    const passes = viaComplement || supported || rel === "conj"
    if (!passes || token.head < 0) break
    at = token.head
  }
  for (const modality of ["negated", "hypothetical", "expected"] as const) if (found.has(modality)) return modality
  return "asserted"
}
