/**
 * Events extractor: who did what to whom, when and where. For each clause it finds the event triggers
 * of `events-triggers.json` (verbs and event nouns), folds a trigger that is only the content of
 * another ("agreed to the meeting", "called on China to keep … the agreement") into it and merges
 * triggers of one type ("met … for trade talks"), then reads each event's participants, place, date
 * (the clause's time expression), tense and modality. Every time expression of the document is
 * returned too, resolved against the publication date (see `dates.ts`).
 */
import type { Token } from "../../model/document.ts"
import { partitionPoint } from "../../model/span.ts"
import type { Diagnostic } from "../../model/diagnostic.ts"
import type { ActorMention, EventMention, LocalActor } from "../../model/extraction.ts"
import type { DatePrecision } from "../../model/tables.ts"
import type { ActorExtraction, EventExtraction, ExtractContext } from "../context.ts"
import type { Clause } from "./clauses.ts"
import { clausesOf, modalityAt, tenseAt } from "./clauses.ts"
import { addDays, endsName, monthOfIsoWeek, resolveTimeExpression } from "./dates.ts"
import type { EventsLexicon, TriggerEntry, TriggerForm } from "./lexicon.ts"
import { eventsLexicon, familyOf, isNewsfactsType, isUndergoerType, possessorIsPatient } from "./lexicon.ts"
import type { FrameParticipant } from "./frames.ts"
import { frameRoles, parsedModality, participantLookup } from "./frames.ts"
import type { Participant } from "./participants.ts"
import { actingMentions, countryReferences, participantsWithin, personReferences, rolesFor } from "./participants.ts"
import type { LocatedTime } from "./times.ts"
import type { SyntaxDocument } from "../../segment/syntax.ts"
import { caseOf, dependents, hasRelation, headOfSpan } from "../../segment/syntax.ts"
import { actorLexicon } from "../actors/lexicon.ts"
import { findTimeExpressionTokens, findTimes, tokensIn } from "./times.ts"

export { resolveTimeExpression, findTimeExpressions } from "./dates.ts"

interface TriggerMatch {
  readonly first: number
  readonly last: number
  readonly start: number
  readonly end: number
  readonly entry: TriggerEntry
  readonly noun: boolean
}

const isTagged = (token: Token, tag: string) => token.tags.includes(tag)
const PASSIVE_AUXILIARIES = new Set(["is", "are", "was", "were", "be", "been", "being", "get", "got", "gets", "getting"])
const normalOf = (token: Token) => token.normal.replace(/['’]s$/, "")

/** Tags of words that may stand between a verb and the noun it takes as its object ("signed a new agreement"). */
const FUNCTION_TAGS = ["Determiner", "Adjective", "Possessive", "Value", "Adverb"]
/** Tags that let a word the tagger read as a verb still be an event noun ("trade talks", "the deal"). */
const NOUN_CONTEXT_TAGS = ["Determiner", "Adjective", "Possessive", "Noun", "Value", "Preposition"]

const applies = (tokens: ReadonlyArray<Token>, clause: Clause, i: number, form: TriggerForm, confirmed = false): boolean => {
  const last = i + form.words.length - 1
  if (last >= clause.endToken) return false
  for (let k = 1; k < form.words.length; k++) if (normalOf(tokens[i + k]) !== form.words[k]) return false
  const { entry } = form
  const head = tokens[i]
  if (entry.lowercase === true && head.text !== head.text.toLowerCase()) return false
  // A participle the tagger read as an adjective after a form of "be" is still the verb ("was charged").
  if (entry.pos === "verb" && !isTagged(head, "Verb") && !(isTagged(head, "Adjective") && /(?:ed|en)$/.test(head.normal) && PASSIVE_AUXILIARIES.has(tokens[i - 1]?.normal ?? ""))) return false
  if (entry.pos === "noun" && isTagged(head, "Verb") && !isTagged(head, "Noun")) {
    const previous = tokens[i - 1]
    if (previous === undefined || i === clause.firstToken || !NOUN_CONTEXT_TAGS.some((tag) => isTagged(previous, tag)) || previous.normal === "to") return false
  }
  if (entry.next !== undefined) {
    const next = tokens[last + 1]
    if (next === undefined || next.sentence !== head.sentence || !entry.next.includes(next.normal)) return false
  }
  if (entry.before !== undefined && !confirmed) {
    const preceding = tokens.slice(Math.max(clause.firstToken, i - 2), i).map((t) => t.normal).join(" ")
    if (!entry.before.some((phrase) => preceding === phrase || preceding.endsWith(` ${phrase}`))) return false
  }
  if (entry.notNext !== undefined) {
    const next = tokens[last + 1]
    if (next !== undefined && next.sentence === head.sentence && entry.notNext.includes(next.normal)) return false
  }
  if (entry.objects !== undefined || entry.notNear !== undefined) {
    const near = tokens.slice(Math.max(clause.firstToken, i - 6), Math.min(clause.endToken, last + 7)).map((t) => t.normal)
    if (entry.objects !== undefined && !confirmed && !entry.objects.some((word) => near.includes(word))) return false
    if (entry.notNear !== undefined && entry.notNear.some((word) => near.includes(word))) return false
  }
  return true
}

const findTriggers = (
  lexicon: EventsLexicon,
  tokens: ReadonlyArray<Token>,
  clause: Clause,
  blocked: (t: Token) => boolean,
  senseOf: ReadonlyMap<string, TriggerEntry> = new Map()
): Array<TriggerMatch> => {
  const found: Array<TriggerMatch> = []
  for (let i = clause.firstToken; i < clause.endToken; i++) {
    if (blocked(tokens[i])) continue
    const forms = [...(lexicon.formsByFirstWord.get(normalOf(tokens[i])) ?? [])].sort((a, b) => b.words.length - a.words.length || a.order - b.order)
    const form = forms.find((f) => applies(tokens, clause, i, f)) ??
      forms.find((f) => senseOf.get(senseKey(f.entry)) === f.entry && applies(tokens, clause, i, f, true))
    if (form === undefined) continue
    const last = i + form.words.length - 1
    const entry = form.entry.reciprocal !== undefined && isReciprocal(lexicon, tokens, clause) ? { ...form.entry, ...form.entry.reciprocal } : form.entry
    found.push({ first: i, last, start: tokens[i].start, end: tokens[last].end, entry, noun: entry.pos === "noun" })
    i = last
  }
  return found
}

/** A lemma and part of speech: the word whose sense one report keeps (one sense per discourse). */
const senseKey = (entry: TriggerEntry) => `${entry.lemma}/${entry.pos}`

/**
 * One sense per discourse (Gale, Church & Yarowsky 1992): a word whose context words confirmed one
 * event sense somewhere in the report ("a fire was reported") keeps that sense where its context words
 * are missing ("after a similar fire"). Only entries that need such words (`before`, `objects`) are
 * confirmed, and only a lemma confirmed in one sense; the words that rule a sense out still apply.
 */
const confirmedSenses = (found: ReadonlyArray<TriggerMatch>): Map<string, TriggerEntry> => {
  const senses = new Map<string, TriggerEntry | null>()
  for (const { entry } of found) {
    if (entry.pos !== "noun" || (entry.before === undefined && entry.objects === undefined)) continue
    const key = senseKey(entry)
    const known = senses.get(key)
    senses.set(key, known === undefined || known === entry ? entry : null)
  }
  return new Map([...senses].flatMap(([key, entry]) => (entry === null ? [] : [[key, entry] as const])))
}

/** "tariffs on both sides were cut", "eased sanctions on each other": both parties act, so the concessions are an agreement. */
const isReciprocal = (lexicon: EventsLexicon, tokens: ReadonlyArray<Token>, clause: Clause): boolean => {
  const words = ` ${tokens.slice(clause.firstToken, clause.endToken).map((t) => t.normal).join(" ")} `
  return lexicon.reciprocal.some((phrase) => words.includes(` ${phrase} `))
}

/**
 * A tally: a plural noun of deaths or injuries dated only to a month or a year, with no attack or
 * disaster in its clause to be the toll of.
 */
const isTally = (tokens: ReadonlyArray<Token>, trigger: TriggerMatch, time: LocatedTime | undefined, clauseTriggers: ReadonlyArray<TriggerMatch>): boolean => {
  if (!trigger.noun || !/s$/.test(tokens[trigger.last].normal) || !TALLIED_FAMILIES.has(familyOf(trigger.entry.type, trigger.entry.cameo) ?? "")) return false
  if (time === undefined || (time.mention.precision !== "month" && time.mention.precision !== "year")) return false
  return !clauseTriggers.some((t) => CAUSE_FAMILIES.has(familyOf(t.entry.type, t.entry.cameo) ?? ""))
}
const TALLIED_FAMILIES = new Set(["death", "injury"])
/**
 * Types whose nouns take their doer in an "of" phrase ("the invitation of the government", "a meeting of
 * the leaders", "at the request of Iraq"); not accusations, rejections or threats, whose "of" is their
 * target ("criticism of the government").
 */
const OF_AGENT_TYPES = new Set(["statement", "REQUEST", "CONSULT", "AGREE"])
/** Families whose verbs take whom they address or give to in a "to" phrase ("disclosed the matter to the EPA", "provided a rifle to him"). */
const RECIPIENT_FAMILIES = new Set(["communicate", "transaction"])

/**
 * A predicate a condition or a counterfactual supposes: marked by "if"/"unless" in the parse, or a
 * modal perfect ("would have died", "could have won").
 */
const isSupposed = (doc: SyntaxDocument, trigger: TriggerMatch): boolean => {
  if (trigger.noun) return false
  const h = headOfSpan(doc, trigger.first, trigger.last + 1)
  if (h === null) return false
  const tokens = doc.tokens
  if (dependents(doc, h, "mark").some((j) => tokens[j].lemma === "if" || tokens[j].lemma === "unless")) return true
  const aux = dependents(doc, h, "aux").map((j) => tokens[j].normal)
  return aux.includes("have") && aux.some((a) => ["would", "could", "might", "should"].includes(a))
}

/** Two lists of parties can belong to one event: one of them names nobody, or they share someone. */
const compatibleParties = (a: ReadonlyArray<string>, b: ReadonlyArray<string>) => a.length === 0 || b.length === 0 || a.some((k) => b.includes(k))

/** Two codes can name one event when they are equal or one is its category's "not specified" code (040 meeting ~ 046 talks, not 041 call). */
const compatibleCodes = (a: string | null, b: string | null) => a === b || specificity(a) < 2 || specificity(b) < 2

/** A CAMEO code that names a specific action ("046" talks) is worth more than a category's "not specified" code ("040"). */
const specificity = (cameo: string | null) => (cameo === null ? 0 : cameo.endsWith("0") ? 1 : 2)

/**
 * The events a clause reports: one per trigger (coordinated or repeated predicates are separate events),
 * except that a verb whose object is an event noun of its own type, or a light verb ("launched an
 * attack", "signed an agreement", "imposed sanctions"), yields to that noun: the noun is the event.
 * Returns the events and, for every trigger found, the event it became (or -1 for a verb that yielded).
 */
const clauseEvents = (
  tokens: ReadonlyArray<Token>,
  triggers: ReadonlyArray<TriggerMatch>,
  isTimeToken: (t: Token) => boolean,
  lightVerbs: ReadonlySet<string>
): { events: Array<TriggerMatch>; eventOf: Array<number> } => {
  const yields = triggers.map((trigger, i) => {
    if (trigger.noun) return false
    const next = triggers[i + 1]
    return next !== undefined && next.noun && (next.entry.type === trigger.entry.type || lightVerbs.has(trigger.entry.lemma)) && isObjectOf(tokens, trigger, next, isTimeToken)
  })
  const events: Array<TriggerMatch> = []
  const eventOf: Array<number> = []
  triggers.forEach((trigger, i) => {
    if (yields[i]) return void eventOf.push(-1)
    eventOf.push(events.length)
    events.push(trigger)
  })
  return { events, eventOf }
}

/** "signed a trade agreement", "imposed new sanctions", "held talks": the noun is the verb's direct object (its modifiers between). */
const isObjectOf = (tokens: ReadonlyArray<Token>, verb: TriggerMatch, noun: TriggerMatch, isTimeToken: (t: Token) => boolean): boolean => {
  const gap = tokens.slice(verb.last + 1, noun.first)
  if (gap.length > 4) return false
  return gap.every((t) => !isTagged(t, "Preposition") && t.normal !== "to" && !/[,;:]/.test(t.post) && (FUNCTION_TAGS.some((tag) => isTagged(t, tag)) || isTagged(t, "Noun") || isTimeToken(t)))
}

const dateOf = (time: LocatedTime | undefined): { date: string | null; precision: DatePrecision | null } => {
  const value = time?.mention.value ?? null
  const precision = time?.mention.precision ?? null
  // A week ("earlier this week", "last week") that lies within one month dates the event to that month.
  const month = value !== null && precision === null ? monthOfIsoWeek(value) : null
  if (month !== null) return { date: month, precision: "month" }
  if (value === null || precision === null) return { date: null, precision: null }
  return { date: precision === "day" ? value.slice(0, 10) : precision === "month" ? value.slice(0, 7) : value.slice(0, 4), precision }
}

/**
 * Whether a capitalised token lies inside a named mention, in log time: names sorted by start with
 * the furthest end reached so far, so a token is inside one when the furthest end among the names
 * starting at or before it reaches its end (a scan of every name per token cost the square).
 */
const insideNameTest = (sortedMentions: ReadonlyArray<ActorMention>): ((t: Token) => boolean) => {
  const names = sortedMentions.filter((m) => m.role !== "pronoun")
  const furthestEnd: Array<number> = []
  for (const m of names) furthestEnd.push(Math.max(m.end, furthestEnd.at(-1) ?? -1))
  return (t) => {
    if (!/^\p{Lu}/u.test(t.text)) return false
    const low = partitionPoint(names.length, (i) => names[i].start <= t.start)
    return low > 0 && furthestEnd[low - 1] >= t.end
  }
}

/**
 * Whether the word at a token index can be a party to an interaction: inside an actor's mention, a
 * pronoun or proper noun, or a title or a noun for people or groups from the actor lexicons.
 */
const takesPartTest = (tokens: ReadonlyArray<Token>, mentions: ReadonlyArray<ActorMention>): ((i: number) => boolean) => {
  const people = actorLexicon()
  return (i) => {
    const token = tokens[i]
    if (token.upos === "PRON" || token.upos === "PROPN") return true
    const word = token.text.toLowerCase()
    if (people.titleHeads.has(word) || people.groupNouns.has(word) || people.peopleNouns.has(word) || people.faithGroups.has(word)) return true
    return mentions.some((m) => m.start <= token.start && token.end <= m.end)
  }
}

export const extractEvents = (context: ExtractContext, actors: ActorExtraction): EventExtraction => {
  const lexicon = eventsLexicon()
  const { tokens, text } = context
  const clauses = context.sentences.flatMap((s) => clausesOf(tokens, s))
  const mentions = [...actors.mentions].sort((a, b) => a.start - b.start)
  // A trigger word inside a name ("Trade Representative", "Economic and Trade Consultative Mechanism") is not an event.
  const insideName = insideNameTest(mentions)
  // Triggers first: an event noun the tagger read as a verb ("trade talks") must not set a clause's tense.
  const dateWords = new Set(findTimeExpressionTokens(context))
  const syntax = { tokens: context.tokens, sentences: context.sentences }
  const canTakePart = takesPartTest(tokens, mentions)
  const blocked = (t: Token) => dateWords.has(t.index) || insideName(t)
  const strict = clauses.map((clause) => findTriggers(lexicon, tokens, clause, blocked).filter((trigger) => hasRequiredArgument(syntax, trigger, canTakePart)))
  const senses = confirmedSenses(strict.flat())
  const candidates = new Map(clauses.map((clause, k) => [clause, senses.size === 0 ? strict[k] : findTriggers(lexicon, tokens, clause, blocked, senses)
    .filter((trigger) => hasRequiredArgument(syntax, trigger, canTakePart))]))
  const candidateTokens = new Set([...candidates.values()].flat().flatMap((t) => Array.from({ length: t.last - t.first + 1 }, (_, k) => t.first + k)))
  const triggersByClause = new Map([...candidates].map(([clause, found]) => [clause, found.filter((trigger) => !modifiesThing(syntax, trigger, (i) => candidateTokens.has(i) || dateWords.has(i)))]))
  const nounTriggerTokens = new Set([...triggersByClause.values()].flat().filter((t) => t.noun).map((t) => t.first))
  const isNounTrigger = (t: Token) => nounTriggerTokens.has(t.index)
  const { times, isTimeToken } = findTimes(context, lexicon, clauses, isNounTrigger)
  const actorsByKey = new Map<string, LocalActor>(actors.actors.map((a) => [a.key, a]))
  const { participants: acting, locations } = actingMentions(text, tokens, mentions)
  // The news agency, the byline and the dateline report the news; they take part in an event only when
  // the clause makes them: the subject right before an event verb ("Reuters sued …").
  const reporters = new Set([...lexicon.newsMedia, ...[context.meta.author, context.meta.editor, context.meta.publisher, context.meta.dateline].flatMap((n) => (n === null ? [] : [n.toLowerCase()]))])
  const reports = (key: string) => {
    const actor = actorsByKey.get(key)
    return actor !== undefined && [actor.name, ...actor.aliases].some((name) => reporters.has(name.toLowerCase()))
  }
  const verbTriggerStarts = new Set([...triggersByClause.values()].flat().filter((t) => !t.noun).map((t) => t.first))
  const participants = acting.filter((p) => {
    if (!reports(p.key)) return true
    const next = tokens.find((t) => t.start >= p.end)
    return next !== undefined && verbTriggerStarts.has(next.index) && !/[,;:]/.test(text.slice(p.end, next.start))
  })

  // The frame's participants: every acting mention (reporters marked, not dropped: the parse decides
  // whether the clause makes them one) and the references ("the two countries") of every clause.
  const frameParticipants: Array<FrameParticipant> = [
    ...acting.filter((p) => !p.pronoun).map((p) => ({ ...p, reporter: reports(p.key) })),
    ...mentions.filter((m) => m.kind === "place" && m.role !== "pronoun" && !locations.some((l) => l.start === m.start))
      .map((m) => ({ key: m.actorKey, start: m.start, end: m.end, reporter: reports(m.actorKey), place: true })),
    ...clauses.flatMap((clause) => [...countryReferences(text, clause, mentions, actorsByKey), ...personReferences(text, clause, mentions, actorsByKey)])
      .map((p) => ({ ...p, reporter: false }))
  ].sort((a, b) => a.start - b.start || b.end - a.end)
  const frameAt = participantLookup(tokens, frameParticipants)
  const triggerTokens = new Set([...triggersByClause.values()].flat().flatMap((t) => Array.from({ length: t.last - t.first + 1 }, (_, k) => t.first + k)))
  const isTriggerToken = (i: number) => triggerTokens.has(i)

  const events: Array<EventMention> = []
  const eventSentences: Array<number> = []
  /** Per event: whether its date can carry the narrative to the next sentences (not "the November 27 agreement"). */
  const narrativeDates: Array<boolean> = []
  /** Per event: whether its date is a time the parse attaches to it (or to a predicate it shares the time of). */
  const attachedDates: Array<boolean> = []
  const diagnostics: Array<Diagnostic> = []
  // Per clause, only what lies in it is looked at (a scan of every participant and time per clause cost the square).
  const timesByClause = new Map<Clause, Array<LocatedTime>>()
  for (const time of times) {
    const list = timesByClause.get(time.clause)
    if (list === undefined) timesByClause.set(time.clause, [time])
    else list.push(time)
  }
  const sentenceTriggers = new Map<number, Array<TriggerMatch>>()
  for (const [clause, found] of triggersByClause) sentenceTriggers.set(clause.sentence, [...(sentenceTriggers.get(clause.sentence) ?? []), ...found])
  for (const [clauseIndex, clause] of clauses.entries()) {
    const sentence = context.sentences[clause.sentence]
    const clauseParticipants: Array<Participant> = [
      ...participantsWithin(participants, clause.start, clause.end),
      ...countryReferences(text, clause, mentions, actorsByKey),
      ...personReferences(text, clause, mentions, actorsByKey)
    ]
    const triggers = triggersByClause.get(clause) ?? []
    const { events: found, eventOf } = clauseEvents(tokens, triggers, isTimeToken, lexicon.lightVerbs)
    // The cue words before the trigger, checked against the parse: a negation the parse gives to another
    // predicate ("… not concerned about the storm") does not negate this one; a modality the parse finds
    // on the trigger's own arcs ("accused of shooting", "will meet") wins.
    const modalities = found.map((trigger) => {
      const cued = modalityAt(tokens, clause, trigger, lexicon.modality, isTimeToken).modality
      const parsed = parsedModality(syntax, trigger, lexicon.supportVerbs)
      if (parsed === null) return cued
      if (parsed !== "asserted") return parsed
      return cued === "negated" ? "asserted" : cued
    })
    // Each time expression dates the event whose trigger is nearest to it (a trigger that is only
    // content of another keeps its time: "roll back measures imposed since early April").
    const timeOfEvent = new Map<number, LocatedTime>()
    const attachedByParse = new Set<LocatedTime>()
    const datedByNearest = new Set<number>()
    const ranges = rangesOf(text, timesByClause.get(clause) ?? [])
    for (const written of timesByClause.get(clause) ?? []) {
      if (!isPointInTime(written)) continue
      // "between January 2016 and December 2019": a range dates an event by what its ends share, if anything.
      const range = ranges.get(written)
      if (range === null) continue
      const time = range ?? written
      // "at 3 pm on Tuesday", "15:30 local time (1430 UTC) on Tuesday": the clock gives the hour of the day the clause names.
      if (time.mention.rule === "time:clock" && (timesByClause.get(clause) ?? []).some((t) => t.mention.rule !== "time:clock" && isPointInTime(t) && t.mention.precision === "day")) continue
      // "since May", "until Friday": the bound of a period, not the day something happened.
      if (BOUND_BEFORE.test(text.slice(Math.max(0, time.mention.start - 8), time.mention.start))) continue
      // "voted to pass the … Bill 2019": a year that ends a name does not date what is done to the thing named.
      if (time.mention.precision === "year" && endsName(text, time.mention.start)) continue
      const candidates = triggers.map((trigger, i) => ({ trigger, event: eventOf[i] }))
        .filter(({ event }) => event === -1 || modalities[event] !== "hypothetical" || found.every((_, k) => modalities[k] === "hypothetical"))
      // The parse first: the trigger the time expression hangs from ("met … on Monday", "the attack on
      // Friday"); a time that hangs from another clause's predicate dates nothing here.
      const governor = governingTrigger(syntax, time.mention, sentenceTriggers.get(clause.sentence) ?? [], lexicon.supportVerbs)
      if (governor !== null && !triggers.includes(governor)) continue
      // A light verb that yielded to its noun passes the time on to it ("imposed sanctions on Friday").
      const governed = governor === null ? undefined : triggers.indexOf(governor)
      const nearest = governed !== undefined
        ? { trigger: governor!, event: eventOf[governed] === -1 ? eventOf[governed + 1] ?? -1 : eventOf[governed] }
        : candidates.sort((a, b) => reach(text, time.mention, a.trigger) - reach(text, time.mention, b.trigger))[0]
      if (nearest === undefined || nearest.event === -1) continue
      // "the fire started in a recalled 2005 Opel Zafira": a time the parse hangs on a noun that is no
      // event names that thing's time (its model year, a budget's year), not when an event happened.
      if (governed === undefined && describesThing(syntax, time.mention, isTriggerToken)) continue
      const already = timeOfEvent.get(nearest.event)
      if (already === undefined || distance(time.mention, found[nearest.event]) < distance(already.mention, found[nearest.event])) timeOfEvent.set(nearest.event, time)
      if (governed !== undefined) attachedByParse.add(time)
      else datedByNearest.add(nearest.event)
    }
    // "since May, when tariffs were cut": a when-clause happens at the time it follows, even one that bounds a period.
    const antecedentTime = whenClauseTime(tokens, clause, times)
    const datedByWhen = new Set(antecedentTime === undefined ? [] : found.map((_, index) => index).filter((index) => !timeOfEvent.has(index)))
    for (const index of datedByWhen) timeOfEvent.set(index, antecedentTime!)
    // A clause with one point in time dates all its events of the same modality ("met in London on
    // Monday for trade talks": the meeting and the talks).
    const clauseTimes = new Set(timeOfEvent.values())
    const sharedTime = clauseTimes.size === 1 ? [...clauseTimes][0] : undefined
    const datedByClause = new Set<number>()
    const owner = [...timeOfEvent.keys()][0]
    // A time written right after an event noun is that noun's own ("Trump's announcement on Friday").
    const ownedByNoun = owner !== undefined && sharedTime !== undefined && found[owner].noun && sharedTime.mention.start >= found[owner].end &&
      tokens.slice(found[owner].last + 1).findIndex((t) => t.start >= sharedTime.mention.start) <= 1
    if (sharedTime !== undefined && !ownedByNoun) {
      found.forEach((_, index) => {
        if (timeOfEvent.has(index) || modalities[index] !== modalities[owner]) return
        // A time the parse attached to one predicate is shared only along its arcs: with a conjunct or
        // an event noun it takes ("met in London on Monday for trade talks"), not with an event named
        // inside a subject ("the suspect in a shooting … was released Friday").
        if (attachedByParse.has(sharedTime) && !relatedInTree(syntax, found[owner], found[index]) && !isParticipialAdjunct(syntax, found[index])) return
        timeOfEvent.set(index, sharedTime)
        datedByClause.add(index)
      })
    }
    for (const [index, trigger] of found.entries()) {
      // The frame from the parse; word order only for a sentence the parser did not analyse.
      let roles = frameRoles(syntax, trigger, frameAt, {
        possessorIsPatient: possessorIsPatient(trigger.entry.type),
        supportVerbs: lexicon.supportVerbs,
        isTrigger: isTriggerToken,
        particles: trigger.entry.next ?? [],
        patientCases: RECIPIENT_FAMILIES.has(familyOf(trigger.entry.type, trigger.entry.cameo) ?? "") ? ["to"] : [],
        ofIsAgent: OF_AGENT_TYPES.has(trigger.entry.type),
        modifierActs: !isNewsfactsType(trigger.entry.type) || trigger.entry.type === "statement"
      }) ??
        rolesFor(tokens, clause, trigger, clauseParticipants)
      // "Trump's announcement on Friday that Bessent and Greer will take part": who the statement is about.
      const next = clauses[clauseIndex + 1]
      if (trigger.entry.type === "statement" && next !== undefined && next.sentence === clause.sentence && tokens[next.firstToken].normal === "that") {
        const about = participantsWithin(participants, next.start, next.end).map((p) => p.key).filter((k) => !roles.actorKeys.includes(k))
        if (about.length > 0) roles = { ...roles, actorKeys: [...roles.actorKeys, ...about], targetKeys: [...new Set([...roles.targetKeys, ...about])], rule: `${roles.rule};participants:content-clause` }
      }
      // "tariffs on both sides were cut": a mutual action is done by the parties the clause refers to.
      if (roles.sourceKeys.length === 0 && isReciprocal(lexicon, tokens, clause)) {
        const parties = [...new Set(countryReferences(text, clause, mentions, actorsByKey).map((p) => p.key))]
        if (parties.length > 0) roles = { ...roles, actorKeys: [...new Set([...parties, ...roles.actorKeys])], sourceKeys: parties, targetKeys: roles.targetKeys.filter((k) => !parties.includes(k)), rule: `${roles.rule};participants:reciprocal` }
      }
      // Who dies or is hurt undergoes the event: a patient, not an agent.
      if (isUndergoerType(trigger.entry.type) && roles.sourceKeys.length > 0) {
        roles = { ...roles, sourceKeys: [], targetKeys: [...new Set([...roles.targetKeys, ...roles.sourceKeys])], rule: `${roles.rule};participants:undergoer` }
      }
      const tense = tenseAt(tokens, clause, sentence, trigger.first, lexicon.modality, (t) => isTimeToken(t) || (t.index !== trigger.first && isNounTrigger(t)))
      const modality = modalities[index]
      const rules = [`trigger:${trigger.entry.lemma}/${trigger.entry.pos}`, roles.rule]

      // Date: the time expression of the clause nearest to this trigger.
      const time = timeOfEvent.get(index)
      let { date, precision } = dateOf(plannedTime(time, modality, context.published))
      let dateText = time?.mention.text ?? null
      if (time !== undefined) rules.push(datedByWhen.has(index) ? "date:when-clause" : datedByClause.has(index) ? `date:clause:${time.mention.rule}` : `date:${time.mention.rule}`)
      else {
        // Another mention of an event the text dated before: "the talks", "the negotiations", "the fire"
        // (a definite noun, any trigger of the type), or the same trigger again. The first such event
        // told, not the last: a report names its main event first (the lede) and returns to it, so
        // "the fire" after "a similar fire in Cork last August" is still the report's fire.
        const definite = trigger.noun && (tokens[trigger.first - 1]?.normal === "the" || tokens[trigger.first - 1]?.normal === "this" || isDefinite(syntax, trigger))
        const antecedent = events.find((e) => e.eventType === trigger.entry.type && compatibleCodes(e.cameo, trigger.entry.cameo) && e.dateText !== null &&
          e.modality === "asserted" && !e.rule.includes("date:antecedent") && (definite || e.triggerLemma === trigger.entry.lemma) &&
          // Different doers make different events ("PG&E announced …" is not the districts' announcement),
          // and so do different undergoers ("Jones died" is not the death of Smith told before).
          compatibleParties(e.sourceKeys, roles.sourceKeys) && compatibleParties(e.targetKeys, roles.targetKeys))
        if (antecedent !== undefined && modality === "asserted") {
          ;({ date, dateText } = antecedent)
          precision = antecedent.datePrecision
          rules.push("date:antecedent-event")
        } else if (modality === "asserted" && tense === "past" && !isPastPerfect(syntax, trigger) && !times.some((t) => t.clause.sentence === clause.sentence && isPointInTime(t))) {
          // A past event told right after a dated one, in a sentence that names no time, happened then
          // (the news narrative: "A fire broke out on Tuesday. Residents were evacuated.").
          const previous = events.findLast((e, k) => eventSentences[k] >= clause.sentence - NARRATIVE_REACH && eventSentences[k] < clause.sentence && narrativeDates[k] &&
            e.date !== null && e.datePrecision === "day" && e.modality === "asserted" && !e.rule.includes("date:narrative"))
          if (previous !== undefined) {
            ;({ date, dateText } = previous)
            precision = previous.datePrecision
            rules.push("date:narrative")
          }
        }
      }

      // Place: "in London", "at Lancaster House"; the dateline only for news of the day.
      const clauseLocations = locations.filter((l) => l.start >= clause.start && l.end <= clause.end)
      const place = clauseLocations.find((l) => l.start >= trigger.end) ?? clauseLocations[0]
      let location = place === undefined ? null : actorsByKey.get(place.key)?.name ?? text.slice(place.start, place.end)
      let locationSource: "text" | "dateline" | null = location === null ? null : "text"
      if (location === null && context.meta.dateline !== null && isNewsOfTheDay(date, context.published)) {
        location = datelinePlace(context.meta.dateline, actors.actors)
        locationSource = "dateline"
        rules.push("location:dateline")
      } else if (location !== null) rules.push("location:locative")

      const type = trigger.entry.type
      // Every typed event predicate is a row; a word the lexicon could not type is kept only when someone
      // takes part in it or the text dates or places it.
      // A goal with nobody of its own and no time ("countries wanting to reach deals") is no event to count.
      const placed = date !== null || dateText !== null || locationSource === "text"
      const keep = modality === "hypothetical" ? roles.actorKeys.length > 0 && roles.rule !== "participants:clause-of-noun" || placed
        : type !== "other" || roles.actorKeys.length > 0 || placed
      if (!keep) continue
      // "If convicted, he could receive …", "he would have died had he not been armed": what a condition
      // or a counterfactual supposes is no event (the gold guidelines leave out `if` clauses and counterfactuals).
      if (isSupposed(syntax, trigger)) continue
      // "170 suspected deaths in May", "overdose deaths this year": a tally of a month's or a year's
      // deaths adds up unrelated incidents, no event (the gold guidelines keep only one event's toll).
      if (isTally(tokens, trigger, time, found)) continue
      if (type === "other") {
        diagnostics.push({
          input_id: context.inputId,
          stage: "extract",
          rule: "events:untyped-trigger",
          severity: "info",
          message: `event "${text.slice(trigger.start, trigger.end)}" has no type in events-triggers.json; kept as other`,
          start: trigger.start,
          end: trigger.end
        })
      }
      // Evidence: the clause; a noun event sharing its clause with other events gets its own phrase
      // ("Trump's announcement on Friday" in "The meeting followed Trump's announcement on Friday").
      // The object of a verb event ("welcomes the dialogue") is told by the verb's clause.
      const objectOfVerb = found.some((other) => !other.noun && other.last < trigger.first && isObjectOf(tokens, other, trigger, isTimeToken))
      const evidence = trigger.noun && found.length > 1 && !objectOfVerb ? nounPhrase(tokens, clause, trigger, triggers, isTimeToken) : clause
      // An event the text dates after publication has not happened yet ("the 2020 presidential election" in a 2019 report).
      const ahead = modality === "asserted" && date !== null && context.published !== null && isAfter(date, context.published)
      if (ahead) rules.push("modality:dated-ahead")
      eventSentences.push(clause.sentence)
      narrativeDates.push(time === undefined || time.narrative)
      attachedDates.push(time !== undefined && !datedByNearest.has(index))
      events.push({
        start: evidence.start,
        end: evidence.end,
        text: text.slice(evidence.start, evidence.end),
        trigger: text.slice(trigger.start, trigger.end),
        triggerStart: trigger.start,
        triggerEnd: trigger.end,
        triggerLemma: trigger.entry.lemma,
        eventType: type,
        cameo: trigger.entry.cameo,
        date,
        datePrecision: precision,
        dateText,
        tense,
        location,
        locationSource,
        modality: ahead ? "expected" : modality,
        actorKeys: roles.actorKeys,
        sourceKeys: roles.sourceKeys,
        targetKeys: roles.targetKeys,
        rule: rules.join(";")
      })
    }
  }
  return { events: datedByCause(events, eventSentences, attachedDates), times: times.map((t) => t.mention), diagnostics }
}

/** Families whose events are the consequences of another (who died, who was hurt, what was damaged). */
const CONSEQUENCE_FAMILIES = new Set(["death", "injury", "damage"])
/** Families whose events cause them: an attack, a disaster. */
const CAUSE_FAMILIES = new Set(["attack", "disaster"])

/**
 * Deaths, injuries and damage happen when what caused them happened ("the quake struck on Friday …
 * at least 30 people died"; "reports as of Wednesday said 300 cars had been damaged"): a consequence
 * with no time the parse attaches to it takes the date of its cause: the nearest asserted attack or
 * disaster of its sentence (none when that one is undated), else, for an undated consequence told in
 * the past tense, the last dated one told before it. A consequence the text dated as another mention of itself keeps that.
 * A consequence said not to have happened ("the attack produced no casualties") is dated the same way:
 * it did not happen then.
 */
const datedByCause = (events: ReadonlyArray<EventMention>, sentences: ReadonlyArray<number>, attached: ReadonlyArray<boolean>): Array<EventMention> => {
  const family = (e: EventMention) => familyOf(e.eventType, e.cameo)
  const isCause = (e: EventMention) => CAUSE_FAMILIES.has(family(e) ?? "") && e.modality === "asserted"
  return events.map((e, i) => {
    if (attached[i] || e.rule.includes("date:antecedent-event") || !CONSEQUENCE_FAMILIES.has(family(e) ?? "") || (e.modality !== "asserted" && e.modality !== "negated")) return e
    const sameSentence = events.map((c, k) => ({ c, k })).filter(({ c, k }) => sentences[k] === sentences[i] && k !== i && isCause(c))
      .sort((a, b) => Math.abs(a.c.triggerStart - e.triggerStart) - Math.abs(b.c.triggerStart - e.triggerStart))[0]?.c
    // A cause in the sentence that the text does not date ("after a similar fire in Cork, causing damage") leaves it undated.
    // From another sentence only for a past consequence: "who drown in the Mediterranean daily" is no death of the story's.
    const cause = sameSentence ?? (e.date === null && e.tense === "past" ? events.findLast((c, k) => k < i && sentences[k] < sentences[i] && isCause(c) && c.date !== null) : undefined)
    if (cause === undefined || cause.date === null || cause.date === e.date) return e
    const rule = [...e.rule.split(";").filter((r) => !r.startsWith("date:")), "date:cause-event"].join(";")
    return { ...e, date: cause.date, datePrecision: cause.datePrecision, dateText: cause.dateText, rule }
  })
}

const MODIFIER_TAGS = ["Determiner", "Adjective", "Possessive", "Noun", "Value", "ProperNoun"]
const ARGUMENT_WORDS = new Set(["between", "among", "with", "by", "on", "against", "to", "from", "of", "in", "at", "over", "and"])

/** The noun phrase of an event noun: its modifiers and possessor, and the arguments and time after it. */
const nounPhrase = (
  tokens: ReadonlyArray<Token>,
  clause: Clause,
  trigger: TriggerMatch,
  triggers: ReadonlyArray<TriggerMatch>,
  isTimeToken: (t: Token) => boolean
): { start: number; end: number } => {
  const otherTrigger = (i: number) => triggers.some((t) => t !== trigger && t.first <= i && i <= t.last)
  let first = trigger.first
  while (first - 1 >= clause.firstToken && first - 1 >= trigger.first - 6 && !otherTrigger(first - 1) && !/[,;:–—(]/.test(tokens[first - 1].post) &&
    (isTimeToken(tokens[first - 1]) || (MODIFIER_TAGS.some((tag) => isTagged(tokens[first - 1], tag)) && !isTagged(tokens[first - 1], "Preposition")))) first--
  let last = trigger.last
  for (let i = trigger.last + 1; i < clause.endToken && i <= trigger.last + 10; i++) {
    if (/[,;:–—(]/.test(tokens[i - 1].post) || otherTrigger(i) || (isTagged(tokens[i], "Verb") && !isTimeToken(tokens[i]))) break
    if (!(isTimeToken(tokens[i]) || ARGUMENT_WORDS.has(tokens[i].normal) || MODIFIER_TAGS.some((tag) => isTagged(tokens[i], tag)))) break
    last = i
  }
  while (last > trigger.last && (ARGUMENT_WORDS.has(tokens[last].normal) || isTagged(tokens[last], "Determiner"))) last--
  return { start: tokens[first].start, end: tokens[last].end }
}

/** Whether two triggers are one arc apart in the parse (as conjuncts, or one an object / oblique / open complement / adverbial of the other). */
const relatedInTree = (doc: SyntaxDocument, a: TriggerMatch, b: TriggerMatch): boolean => {
  const ha = headOfSpan(doc, a.first, a.last + 1)
  const hb = headOfSpan(doc, b.first, b.last + 1)
  if (ha === null || hb === null) return true
  const linked = (from: number, to: number) => {
    const t = doc.tokens[from]
    // Not a complement clause: what a statement reports happened at its own time ("In a statement on
    // Monday, the RCMP confirmed they seized the substance"), as a time does not cross it either.
    return t.head === to && /^(?:conj|obj|obl|xcomp|advcl|nmod|compound)/.test(t.deprel)
  }
  return linked(ha, hb) || linked(hb, ha) || (doc.tokens[ha].head === doc.tokens[hb].head && doc.tokens[ha].deprel.startsWith("conj") && doc.tokens[hb].deprel.startsWith("conj"))
}

/**
 * A planned or scheduled event lies ahead: a weekday or a month-day without a year that dates an
 * expected event is resolved as the clause of a future verb would be ("scheduled to resume on
 * Monday", "set to vote on March 3"), whatever the tense of the verb group nearest to it.
 */
const plannedTime = (time: LocatedTime | undefined, modality: EventMention["modality"], published: string | null): LocatedTime | undefined => {
  if (time === undefined || modality !== "expected" || time.mention.tense === "future" || !PLANNABLE_RULES.has(time.mention.rule)) return time
  const resolved = resolveTimeExpression(time.mention.text, published, "future")
  return resolved === null ? time : { ...time, mention: { ...time.mention, value: resolved.value, precision: resolved.precision } }
}
const PLANNABLE_RULES = new Set(["time:weekday", "time:month-day", "time:month"])

/**
 * A definite event noun by the parse: a definite or demonstrative determiner, before its modifiers too
 * ("the Turkish aggression", "this week's ground invasion"), or a possessor ("its investigation", "the
 * party's announcement").
 */
const isDefinite = (doc: SyntaxDocument, trigger: TriggerMatch): boolean => {
  const h = headOfSpan(doc, trigger.first, trigger.last + 1)
  if (h === null) return false
  return dependents(doc, h, "nmod:poss").length > 0 || dependents(doc, h, "det").some((j) => DEFINITE_DETERMINERS.has(doc.tokens[j].lemma))
}
const DEFINITE_DETERMINERS = new Set(["the", "this", "that", "these", "those"])

/**
 * A participial adjunct after a comma ("marched on Saturday …, protesting the exit"; "resumed the office
 * yesterday, being voted into the position"): a verb in "-ing" (or after "being") with no subject of its
 * own shares the time of the clause it hangs on, however the parser attached it.
 */
const isParticipialAdjunct = (doc: SyntaxDocument, trigger: TriggerMatch): boolean => {
  if (trigger.noun) return false
  const tokens = doc.tokens
  let before = trigger.first - 1
  if (tokens[before]?.normal === "being") before--
  else if (!/ing$/.test(tokens[trigger.first].normal)) return false
  if (before < 0 || tokens[before].sentence !== tokens[trigger.first].sentence || !/,\s*$/.test(tokens[before].post)) return false
  const h = headOfSpan(doc, trigger.first, trigger.last + 1)
  return h === null || dependents(doc, h, "nsubj", "nsubj:pass").length === 0
}

/** A plural with a number before it, past its modifiers ("220 votes", "six electoral college votes"): the word is counted. */
const isCounted = (tokens: ReadonlyArray<Token>, trigger: TriggerMatch): boolean => {
  if (!/s$/.test(tokens[trigger.last].normal)) return false
  for (let i = trigger.first - 1, skipped = 0; i >= 0 && skipped <= 3 && tokens[i].sentence === tokens[trigger.first].sentence; i--, skipped++) {
    const t = tokens[i]
    if (t.upos === "NUM" || isTagged(t, "Value")) return true
    if (t.upos !== "ADJ" && t.upos !== "NOUN" && t.upos !== "PROPN") return false
  }
  return false
}

/**
 * Word sense from the frame: an entry with `argument` is an event only when the parse gives the noun
 * such an argument ("his conviction for fraud", "the conviction of Smith"; not "strong conviction");
 * an entry with `notMedium` is no event as the medium of another verb ("said in a statement").
 * A sentence the parser did not analyse keeps the lexicon's window checks only.
 */
const hasRequiredArgument = (doc: SyntaxDocument, trigger: TriggerMatch, canTakePart: (i: number) => boolean): boolean => {
  if (trigger.entry.notCounted === true && isCounted(doc.tokens, trigger)) return false
  // An "-ing" noun entry with a direct object of its own is the verb's gerund, in whatever sense the
  // verb's own entry gives ("a hopeful fighting an unwinnable seat" is no "fighting").
  if (trigger.noun && trigger.first === trigger.last && /ing$/.test(doc.tokens[trigger.first].normal)) {
    const g = headOfSpan(doc, trigger.first, trigger.last + 1)
    if (g !== null && dependents(doc, g, "obj").length > 0) return false
  }
  const wanted = trigger.entry.argument
  if (wanted === undefined && trigger.entry.notMedium !== true && trigger.entry.needsObject !== true && trigger.entry.humanObject !== true) return true
  const h = headOfSpan(doc, trigger.first, trigger.last + 1)
  if (h === null || doc.tokens[h].deprel === "") return trigger.entry.needsObject !== true
  if (trigger.entry.humanObject === true && !dependents(doc, h, "obj").every(canTakePart)) return false
  // A subject as well: "the water, called a plume," names; "a mother called the police" acts.
  if (trigger.entry.needsObject === true) {
    let before = h - 1
    while (before > 0 && doc.tokens[before].upos === "ADV" && !/,\s*$/.test(doc.tokens[before].post)) before--
    // "the water, called a plume,", "phytoplankton, also called green algae": a name given, after a comma.
    const afterComma = before >= 0 && /,\s*$/.test(doc.tokens[before].post)
    return !hasRelation(doc.tokens[h].deprel, "acl") && dependents(doc, h, "obj").length > 0 && (dependents(doc, h, "nsubj").length > 0 || !afterComma)
  }
  if (trigger.entry.notMedium === true && hasRelation(doc.tokens[h].deprel, "obl") && ["in", "via", "through"].includes(doc.tokens[caseOf(doc, h) ?? h]?.lemma ?? "")) return false
  if (wanted === undefined) return true
  return dependents(doc, h).some((j) => {
    const rel = doc.tokens[j].deprel
    if (rel === "nmod:poss") return wanted.includes("poss")
    if (!hasRelation(rel, "nmod")) return false
    const c = caseOf(doc, j)
    return c !== null && wanted.includes(doc.tokens[c].lemma)
  })
}

/**
 * An event noun that only modifies another noun, which is no event ("wildfire risks", "a fire
 * extinguisher robot", "the election commission", "rescue teams"): no event of its own. A noun it
 * modifies that is an event itself keeps it ("murder trial"), and so does a time the parser took for
 * its head ("predict landfall Saturday morning").
 */
const modifiesThing = (doc: SyntaxDocument, trigger: TriggerMatch, eventOrTime: (i: number) => boolean): boolean => {
  if (!trigger.noun) return false
  const h = headOfSpan(doc, trigger.first, trigger.last + 1)
  if (h === null) return false
  const token = doc.tokens[h]
  if (token.deprel !== "compound" || token.head <= trigger.last) return false
  const governor = doc.tokens[token.head]
  return governor.upos === "NOUN" && !eventOrTime(token.head)
}

/**
 * The event trigger a time expression attaches to in the parse: up from the expression's head through
 * its governors to the first trigger word (at most a few steps; a clause boundary — a reporting verb's
 * complement, a relative clause — is not crossed). Null when the path meets no trigger.
 */
const governingTrigger = (doc: SyntaxDocument, time: { start: number; end: number }, triggers: ReadonlyArray<TriggerMatch>, supportVerbs: ReadonlySet<string>): TriggerMatch | null => {
  const tokens = doc.tokens
  const first = partitionPoint(tokens.length, (i) => tokens[i].start < time.start)
  let end = first
  while (end < tokens.length && tokens[end].end <= time.end) end++
  let at = headOfSpan(doc, first, end)
  if (at === null || tokens[at].deprel === "") return null
  for (let steps = 0; steps < 6 && at !== null && at >= 0; steps++) {
    const here: number = at
    const trigger = triggers.find((t) => t.first <= here && here <= t.last)
    if (trigger !== undefined) return trigger
    // "after Turkey began a military offensive on Wednesday": a support verb passes its time to the
    // event noun it takes as object.
    if (supportVerbs.has(tokens[here].lemma)) {
      const noun = triggers.find((t) => dependents(doc, here, "obj").some((j) => t.first <= j && j <= t.last))
      if (noun !== undefined) return noun
    }
    if (steps > 0 && /^(?:ccomp|acl:relcl|parataxis|advcl)/.test(tokens[here].deprel)) return null
    at = tokens[here].head
  }
  return null
}

const distance = (a: { start: number; end: number }, b: { start: number; end: number }) => (a.end <= b.start ? b.start - a.end : a.start >= b.end ? a.start - b.end : 0)
/** Distance in characters, where a comma between counts as a long way ("… last week, China called"). */
const reach = (text: string, a: { start: number; end: number }, b: { start: number; end: number }) => {
  const between = text.slice(Math.min(a.end, b.end), Math.max(a.start, b.start))
  return distance(a, b) + 60 * (between.match(/[,;–—]/g)?.length ?? 0)
}
/** A date or time that can date an event: not a duration, a set or a reference word ("now", "recently"). */
const isPointInTime = (time: LocatedTime) => (time.mention.type === "DATE" || time.mention.type === "TIME") && !/_REF$/.test(time.mention.value ?? "")

/** The time expression a clause opening with "when" follows directly ("in May, when …"), if any. */
const whenClauseTime = (tokens: ReadonlyArray<Token>, clause: Clause, times: ReadonlyArray<LocatedTime>): LocatedTime | undefined => {
  const previous = tokens[clause.firstToken - 1]
  if (tokens[clause.firstToken]?.normal !== "when" || previous === undefined || previous.sentence !== tokens[clause.firstToken].sentence) return undefined
  return times.find((t) => t.mention.end === previous.end && isPointInTime(t))
}

/** Whether a date of any precision (YYYY, YYYY-MM, YYYY-MM-DD) lies wholly after a day: compared at the date's own precision. */
const isAfter = (date: string, day: string): boolean => date > day.slice(0, date.length)

/**
 * A past perfect ("had been challenged", "had made threats"), on the trigger or the verb its noun is the
 * object of: it happened before the time the narrative has reached, so it is not dated by it.
 */
const isPastPerfect = (doc: SyntaxDocument, trigger: TriggerMatch): boolean => {
  const h = headOfSpan(doc, trigger.first, trigger.last + 1)
  if (h === null) return false
  const token = doc.tokens[h]
  const verb = trigger.noun && (token.deprel === "obj" || token.deprel === "nsubj:pass") && token.head >= 0 ? token.head : h
  return dependents(doc, verb, "aux").some((j) => ["had", "has", "have", "'ve"].includes(doc.tokens[j].normal))
}

/** How many sentences back a past event without a time of its own looks for the dated event it follows. */
const NARRATIVE_REACH = 1

const BOUND_BEFORE = /\b(?:since|until|till|by|before|after|as of)\s+(?:the\s+)?$/i

/**
 * "between February 18 and 21", "from December to January": a range of two time expressions of a
 * clause. The first stands for the range with the longest common prefix of the two values, at day,
 * month or year precision (2019-02-18 and 2019-02-21 → 2019-02), as the events gold dates a range;
 * null for a range whose ends share no year and for the second end, which dates nothing of its own.
 */
const rangesOf = (text: string, times: ReadonlyArray<LocatedTime>): Map<LocatedTime, LocatedTime | null> => {
  const out = new Map<LocatedTime, LocatedTime | null>()
  const toMonth = (t: LocatedTime): LocatedTime | null =>
    t.mention.precision === "day" && t.mention.value !== null ? { ...t, mention: { ...t.mention, value: t.mention.value.slice(0, 7), precision: "month" } } : null
  for (const t of times) {
    // One end a bare day of the other's month: "between February 18 and 21", "between 18 and 21 February".
    const before = text.slice(Math.max(0, t.mention.start - 24), t.mention.start)
    const after = text.slice(t.mention.end, t.mention.end + 12)
    if (/\b(?:between|from)\s+\d{1,2}(?:st|nd|rd|th)?\s*(?:and|to|-|–)\s*$/i.test(before) ||
      (/\b(?:between|from)\s+$/i.test(before.slice(-12)) && /^\s*(?:and|to|-|–)\s*\d{1,2}(?:st|nd|rd|th)?\b(?!\s*(?:%|per|percent|:|\.\d))/i.test(after))) out.set(t, toMonth(t))
  }
  for (const [k, first] of times.entries()) {
    const second = times[k + 1]
    if (second === undefined || !/\b(?:between|from)\s+(?:the\s+)?$/i.test(text.slice(Math.max(0, first.mention.start - 12), first.mention.start))) continue
    if (!/^\s*(?:and|to|until|through|-|–)\s*$/i.test(text.slice(first.mention.end, second.mention.start))) continue
    const a = first.mention.value ?? ""
    const b = second.mention.value ?? ""
    const shared = [10, 7, 4].find((n) => a.length >= n && b.length >= n && a.slice(0, n) === b.slice(0, n) && /^\d{4}(?:-\d{2}){0,2}$/.test(a.slice(0, n)))
    out.set(second, null)
    out.set(first, shared === undefined ? null : {
      ...first,
      mention: { ...first.mention, value: a.slice(0, shared), precision: shared === 10 ? "day" : shared === 7 ? "month" : "year" }
    })
  }
  return out
}

/**
 * Whether a time expression modifies a noun that is no event and no time word ("a recalled 2005 Opel
 * Zafira", "the 2019 budget"): by the parse its head is a modifier, numeral or compound of that noun.
 */
const describesThing = (doc: SyntaxDocument, time: { start: number; end: number }, isTrigger: (i: number) => boolean): boolean => {
  const span = tokensIn(doc.tokens, time.start, time.end)
  if (span.length === 0) return false
  const h = headOfSpan(doc, span[0].index, span[span.length - 1].index + 1)
  if (h === null) return false
  const token = doc.tokens[h]
  const governor = doc.tokens[token.head]
  if (governor === undefined || !["nummod", "amod", "compound", "nmod:unmarked"].includes(token.deprel)) return false
  return (governor.upos === "NOUN" || governor.upos === "PROPN") && !isTrigger(token.head) && !span.some((t) => t.index === token.head)
}

/** The dateline says where the reporter filed from: a fair place only for events of the publication's days. */
const isNewsOfTheDay = (date: string | null, published: string | null) =>
  date !== null && published !== null && date.length === 10 && date >= addDays(published, -3) && date <= addDays(published, 1)

const datelinePlace = (dateline: string, actors: ReadonlyArray<LocalActor>): string => {
  const folded = dateline.trim().toLowerCase()
  const known = actors.find((a) => a.name.toLowerCase() === folded || a.aliases.some((alias) => alias.toLowerCase() === folded))
  return known?.name ?? folded.replace(/\b\p{L}/gu, (c) => c.toUpperCase())
}
