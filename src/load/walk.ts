/**
 * Lists the input files below a folder, in sorted order, without being fooled by what a folder can
 * hold: a symbolic link back up the tree is read once (folders are recognised by device and inode, so
 * a loop ends), a folder whose name looks like an article (`x.txt/`) is a folder, and a FIFO, socket
 * or device is never opened (reading a FIFO would wait forever). Entries that cannot be read are
 * returned with the reason, so they appear in the manifest as skipped inputs.
 */
import { readdirSync, statSync } from "node:fs"
import type { Stats } from "node:fs"
import { join } from "node:path"

export interface FolderListing {
  /** Regular files (or links to them) whose name `wanted` accepts, relative to the root, `/`-separated. */
  readonly files: Array<string>
  /** Wanted names that are not readable files, with the reason. */
  readonly unreadable: Array<{ readonly file: string; readonly reason: string }>
}

const kindOf = (stats: Stats): string =>
  stats.isFIFO() ? "a FIFO" : stats.isSocket() ? "a socket" : stats.isCharacterDevice() || stats.isBlockDevice() ? "a device" : "not a regular file"

export const walkFolder = (root: string, wanted: (file: string) => boolean): FolderListing => {
  const files: Array<string> = []
  const unreadable: Array<{ file: string; reason: string }> = []
  const seen = new Map<string, string>()
  const pending: Array<string> = [""]
  const rootStats = statSync(root)
  seen.set(`${rootStats.dev}:${rootStats.ino}`, ".")
  while (pending.length > 0) {
    const folder = pending.pop()!
    let names: Array<string>
    try {
      names = readdirSync(join(root, folder))
    } catch (error) {
      if (folder === "") throw error
      unreadable.push({ file: folder, reason: `cannot read folder: ${(error as Error).message}` })
      continue
    }
    for (const name of names) {
      const relative = folder === "" ? name : `${folder}/${name}`
      let stats: Stats
      try {
        stats = statSync(join(root, relative)) // follows links: a link to a file is that file
      } catch (error) {
        if (wanted(relative)) unreadable.push({ file: relative, reason: `cannot read file: ${(error as Error).message}` })
        continue
      }
      if (stats.isDirectory()) {
        const key = `${stats.dev}:${stats.ino}`
        const first = seen.get(key)
        if (first === undefined) {
          seen.set(key, relative)
          pending.push(relative)
        }
        continue
      }
      if (!wanted(relative)) continue
      if (stats.isFile()) files.push(relative)
      else unreadable.push({ file: relative, reason: `${kindOf(stats)}, not an article file` })
    }
  }
  return { files: files.sort(), unreadable: unreadable.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0)) }
}
