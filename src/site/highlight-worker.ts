// A worker thread that highlights the lessons' code while the main thread replays the
// lessons: shiki's first TypeScript tokenization compiles hundreds of large regexes, the
// biggest single cost of a build, and on two cores it can run beside the replays.
import { parentPort, workerData } from "node:worker_threads";
import { createHighlight } from "./highlight.ts";

const jobs = workerData as readonly (readonly [code: string, lang: string])[];
const highlight = await createHighlight();
parentPort!.postMessage(jobs.map(([code, lang]) => highlight(code, lang)));
