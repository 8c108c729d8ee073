/**
 * The output folder, checked and claimed before any work starts:
 *
 * - It must be a folder this process can write: missing folders are created one level at a time (never
 *   `mkdir -p` on a path like `/proc/x`, where Node's recursive mkdir can loop forever), and a probe
 *   file is written and removed. A file in the way, a read-only place or a path that cannot exist is an
 *   `OutputError` naming the path, so the CLI prints its one line instead of a stack trace.
 * - One run at a time: the run holds `OUT/.state/lock`, a file with its pid, created atomically (a
 *   link to a fully written temporary file, so the lock is never seen half-written). A second run into
 *   the same folder stops with the holder's pid. A lock whose process is gone (a run killed with
 *   SIGKILL, a power cut) is stale and taken over. The lock is removed when the run's scope closes.
 */
import { linkSync, mkdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from "node:fs"
import { hostname } from "node:os"
import { dirname, join, resolve } from "node:path"
import { Effect, Schema } from "effect"
import { stateFolder } from "./store.ts"

export class OutputError extends Schema.TaggedError<OutputError>()("OutputError", {
  path: Schema.String,
  reason: Schema.String
}) {}

const messageOf = (error: unknown): string => (error as NodeJS.ErrnoException).code ?? (error as Error).message

/** Creates `out` if needed and checks it is a writable folder; returns the reason when it is not. */
export const checkOutputFolder = (out: string): OutputError | null => {
  const missing: Array<string> = []
  let at = resolve(out)
  for (;;) {
    try {
      if (!statSync(at).isDirectory()) return new OutputError({ path: out, reason: `${at} is a file, not a folder` })
      break
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code
      if ((code !== "ENOENT" && code !== "ENOTDIR") || at === dirname(at)) {
        return new OutputError({ path: out, reason: `cannot look at ${at} (${messageOf(error)})` })
      }
      missing.unshift(at)
      at = dirname(at)
    }
  }
  for (const folder of missing) {
    try {
      mkdirSync(folder)
    } catch (error) {
      return new OutputError({ path: out, reason: `cannot create folder ${folder} (${messageOf(error)})` })
    }
  }
  const probe = join(out, `.newsfacts-write-test-${process.pid}`)
  try {
    writeFileSync(probe, "")
    unlinkSync(probe)
  } catch (error) {
    return new OutputError({ path: out, reason: `cannot write there (${messageOf(error)})` })
  }
  return null
}

export const lockFile = (out: string): string => join(stateFolder(out), "lock")

interface LockHolder {
  readonly pid: number
  readonly host: string
}

const readHolder = (file: string): LockHolder | null => {
  try {
    const holder = JSON.parse(readFileSync(file, "utf8")) as Partial<LockHolder>
    return typeof holder.pid === "number" && typeof holder.host === "string" ? { pid: holder.pid, host: holder.host } : null
  } catch {
    return null
  }
}

/** Whether the process holding a lock may still be running (on another host we cannot tell: assume so). */
const isAlive = (holder: LockHolder): boolean => {
  if (holder.host !== hostname()) return true
  try {
    process.kill(holder.pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM"
  }
}

/** Takes the lock, or says who holds it. A stale lock (its process is gone) is taken over. */
export const acquireLock = (out: string): OutputError | null => {
  const file = lockFile(out)
  mkdirSync(dirname(file), { recursive: true })
  const temp = `${file}.${process.pid}.tmp`
  writeFileSync(temp, `${JSON.stringify({ pid: process.pid, host: hostname() } satisfies LockHolder)}\n`)
  try {
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        linkSync(temp, file)
        return null
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== "EEXIST") {
          return new OutputError({ path: out, reason: `cannot create the lock ${file} (${messageOf(error)})` })
        }
      }
      const holder = readHolder(file)
      if (holder !== null && isAlive(holder)) {
        return new OutputError({
          path: out,
          reason: `another newsfacts run (pid ${holder.pid}) is writing to ${out}; wait for it to end (if it is not running, delete ${file})`
        })
      }
      // Stale (or unreadable: a lock is written whole, so that is not a live run's): move it aside, retry.
      try {
        renameSync(file, `${file}.stale.${process.pid}`)
        unlinkSync(`${file}.stale.${process.pid}`)
      } catch {
        // another run took it over first: the next attempt sees its lock
      }
    }
    return new OutputError({ path: out, reason: `cannot take the lock ${file}: other runs keep taking it` })
  } finally {
    try {
      unlinkSync(temp)
    } catch {
      // already gone
    }
  }
}

/** Removes the lock if this process holds it. */
export const releaseLock = (out: string): void => {
  const file = lockFile(out)
  if (readHolder(file)?.pid !== process.pid) return
  try {
    unlinkSync(file)
  } catch {
    // already gone
  }
}

/**
 * Checks `out` and holds its lock for the length of the scope: the first thing a run does, before it
 * reads any input.
 */
export const claimOutputFolder = (out: string) =>
  Effect.acquireRelease(
    Effect.suspend(() => {
      const problem = checkOutputFolder(out) ?? acquireLock(out)
      return problem === null ? Effect.void : Effect.fail(problem)
    }),
    () => Effect.sync(() => releaseLock(out))
  )
