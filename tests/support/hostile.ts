/** Hostile inputs, generated small (never committed as files): what once crashed or hung a run. */

/** A JSON record whose metadata nests `depth` objects deep (written as text: JSON.stringify would overflow). */
export const deepRecord = (depth: number) =>
  `{"id":"deep","text":"The minister said on Monday that talks would go on.","meta":${"{\"a\":".repeat(depth)}1${"}".repeat(depth)}}`

/** An HTML page whose article sits inside `depth` nested <div>s. */
export const nestedHtml = (depth: number) =>
  `<html><body>${"<div>".repeat(depth)}<p>The minister said on Monday that talks would go on in London.</p>${"</div>".repeat(depth)}</body></html>`

/** Text that used to take time growing with the square of its length: capitalised words on one line. */
export const capitalisedWords = (bytes: number) => {
  const words = ["Alpha", "Bravo", "Charlie", "Delta", "Echo", "Foxtrot", "Golf", "Hotel", "India", "Juliet", "Kilo", "Lima"]
  let text = ""
  for (let i = 0; text.length < bytes; i++) text += `${words[i % words.length]}${words[(i * 7) % words.length].toLowerCase().slice(0, 2)} `
  return text.slice(0, bytes)
}

/** Title-like lines: short capitalised lines, one after another. */
export const titleLines = (bytes: number) => {
  const a = ["Great", "Long", "Red", "Silent", "Northern", "Last"]
  const b = ["River", "House", "Road", "Storm", "Bridge", "Harbour"]
  const c = ["Kings", "Men", "Time", "Winter", "Glass"]
  let text = ""
  for (let i = 0; text.length < bytes; i++) text += `The ${a[i % 6]} ${b[(i >> 1) % 6]} Of ${c[i % 5]} ${i % 13}\n`
  return text.slice(0, bytes)
}
