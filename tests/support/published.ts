import { readFileSync, readdirSync } from "node:fs"
import { join } from "node:path"

/**
 * Every file a run published under `out` (its state folder aside), by path relative to `out`, with its
 * bytes in `encoding`, in path order: two runs' outputs compare with `toEqual`.
 */
export const publishedFiles = (out: string, encoding: BufferEncoding): Record<string, string> =>
  Object.fromEntries(
    readdirSync(out, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile() && !join(e.parentPath, e.name).includes("/.state/"))
      .map((e) => [join(e.parentPath, e.name).slice(out.length + 1), readFileSync(join(e.parentPath, e.name), encoding)])
      .sort(([a], [b]) => a.localeCompare(b))
  )
