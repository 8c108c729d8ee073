// Entry point of every worker thread. A worker starts as plain Node unless its parent ran under tsx
// (whose loader it then inherits through execArgv), e.g. under vitest; so it registers tsx's loader
// when missing, before importing the TypeScript worker module.
import { register } from "tsx/esm/api"

if (!process.execArgv.some((arg) => arg.includes("tsx"))) register()
await import("./worker.ts")
