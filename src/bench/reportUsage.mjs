// Preloaded into a benchmarked child process (node --import). When the process exits it writes to the
// file named by NEWSFACTS_USAGE_FILE, as JSON:
//   peakRssKb   peak resident set size of the whole process (main and worker threads);
//   cpuSeconds  CPU time of the whole process (user + system, every thread, ended ones included);
//   mainSeconds CPU time of the main thread;
//   workerSeconds CPU time of the pipeline's worker threads, each read just before it is terminated.
// What is left (cpuSeconds - mainSeconds - workerSeconds) ran on threads the code never sees: V8's
// background compilers and garbage-collector helpers, and libuv's pool.
import { writeFileSync } from "node:fs"
import { syncBuiltinESMExports } from "node:module"
import workerThreads from "node:worker_threads"

const file = process.env.NEWSFACTS_USAGE_FILE
const seconds = ({ user, system }) => (user + system) / 1e6

if (file) {
  let workerSeconds = 0
  // The pool terminates each worker when its run ends; read the thread's CPU time first.
  class MeasuredWorker extends workerThreads.Worker {
    terminate() {
      return this.cpuUsage().then(
        (usage) => (workerSeconds += seconds(usage)),
        () => undefined // an exited worker has no usage to give; its time stays in the remainder
      ).then(() => super.terminate())
    }
  }
  workerThreads.Worker = MeasuredWorker
  syncBuiltinESMExports()
  process.on("exit", () => {
    const usage = process.resourceUsage()
    writeFileSync(file, JSON.stringify({
      peakRssKb: usage.maxRSS,
      cpuSeconds: (usage.userCPUTime + usage.systemCPUTime) / 1e6,
      mainSeconds: seconds(process.threadCpuUsage()),
      workerSeconds
    }))
  })
}
