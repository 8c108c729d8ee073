/**
 * A stamp of the input files as they are on disk: each file's path, size and modification time (for a
 * folder, every file the load stage would read, and the entries it would report as unreadable). A
 * rerun whose stamp, options and code are those of the last finished publication has nothing new to
 * read, so it can say the outputs are up to date without opening a single input file: on an archive
 * of 25,000 articles, reading and keying them was most of such a rerun's time.
 *
 * Like `make` and `rsync`, this trusts size and time: a file rewritten with the same size within the
 * same modification time is not seen as changed (`--rebuild` reads everything). Standard input has no
 * stamp, and a path that cannot be listed gets none: the run then reads its inputs as usual.
 */
import { createHash } from "node:crypto"
import { statSync } from "node:fs"
import { basename, dirname, join } from "node:path"
import { isArticleFile } from "../load/index.ts"
import { walkFolder } from "../load/walk.ts"

export const inputStamp = (input: string): string | undefined => {
  if (input === "-") return undefined
  try {
    const info = statSync(input)
    const root = info.isDirectory() ? input : dirname(input)
    const listing = info.isDirectory() ? walkFolder(root, isArticleFile) : { files: [basename(input)], unreadable: [] }
    const hash = createHash("sha256")
    for (const file of listing.files) {
      const stats = statSync(join(root, file))
      hash.update(`${file}\0${stats.size}\0${stats.mtimeMs}\n`)
    }
    for (const { file, reason } of listing.unreadable) hash.update(`${file}\0${reason}\n`)
    return hash.digest("hex").slice(0, 32)
  } catch {
    return undefined
  }
}
