// Preloaded into a benchmarked child process (node --import): writes the process's peak resident set
// size (kilobytes, all threads) to the file named by NEWSFACTS_RSS_FILE when it exits.
import { writeFileSync } from "node:fs"

const file = process.env.NEWSFACTS_RSS_FILE
if (file) process.on("exit", () => writeFileSync(file, String(process.resourceUsage().maxRSS)))
