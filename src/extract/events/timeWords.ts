/**
 * Calendar vocabulary for the time-expression grammar, loaded from `events-time-words.json`: month
 * and weekday names, number words, units with their TimeML duration letters, parts of day, reference
 * words ("now", "recently") and set words ("annual").
 */
import { Schema } from "effect"
import { loadLexicon } from "../../lexicons/load.ts"

const Unit = Schema.Struct({
  letter: Schema.String,
  days: Schema.Number,
  count: Schema.optionalKey(Schema.Number),
  time: Schema.optionalKey(Schema.Boolean)
})
export type TimeUnit = typeof Unit.Type

const TimeWords = Schema.Struct({
  months: Schema.Record(Schema.String, Schema.Int),
  weekdays: Schema.Record(Schema.String, Schema.Int),
  numbers: Schema.Record(Schema.String, Schema.Int),
  vagueNumbers: Schema.Array(Schema.String),
  units: Schema.Record(Schema.String, Unit),
  partsOfDay: Schema.Record(Schema.String, Schema.String),
  references: Schema.Record(Schema.String, Schema.String),
  sets: Schema.Record(Schema.String, Schema.String),
  approximators: Schema.Array(Schema.String),
  pluralsWithoutS: Schema.Array(Schema.String),
  /** Holidays and festivals by name ("Christmas", "Ramadan"): days, never actors. */
  holidays: Schema.Array(Schema.String)
})
export type TimeWords = typeof TimeWords.Type

export const timeWords = (): TimeWords => loadLexicon("events-time-words.json", TimeWords)
