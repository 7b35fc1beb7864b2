// A worker thread that reads the course's code and highlights it while the main thread
// loads and replays the lessons: shiki's first TypeScript tokenization compiles hundreds of
// large regexes, the biggest single cost of a build, and on two cores it runs beside the
// replays. It answers with the HTML of every piece of code, keyed as highlightAhead reads it.
import { parentPort, workerData } from "node:worker_threads";
import { type AheadRequest, type AheadResult, aheadKey, createHighlight } from "./highlight.ts";
import { codeJobs } from "./sources.ts";

const request = workerData as AheadRequest;
const jobs = codeJobs(request.dirs, request.docsDirs, request.langs);
const highlight = await createHighlight();
const result: AheadResult = jobs.map(([code, lang]) => [aheadKey(code, lang), highlight(code, lang)]);
parentPort!.postMessage(result);
