// What one intercepted request costs: N `messages.create` calls through the real SDK,
// answered by lessonbook's replay handler behind three setups:
//   setupServer        what the modes used before: msw/node's setupServer (socket-level fetch)
//   startInterception  what the modes use now: MSW with the fetch-level interceptor only
//   fetch stub         the floor: globalThis.fetch replaced by the same matcher and responses
// Each setup runs in its own child process (node --expose-gc), so a setup that leaks cannot
// slow the next one down. Run on its own: `npm run bench:interception`.
import { createTurnstile } from "../../src/fixtures/ticket.ts";
import { execFile } from "node:child_process";
import dc from "node:diagnostics_channel";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { setupServer } from "msw/node";
import OpenAI from "openai";
import type { Exchange } from "../../src/fixtures/format.ts";
import { startInterception } from "../../src/fixtures/intercept.ts";
import { createMatcher } from "../../src/fixtures/match.ts";
import { readRequest } from "../../src/fixtures/request.ts";
import { replayHandler, toResponse } from "../../src/fixtures/replay-handler.ts";
import { ROOT } from "../support/paths.ts";

export const SETUPS = ["setupServer", "startInterception", "fetch stub"] as const;
export type InterceptionSetup = (typeof SETUPS)[number];

export interface InterceptionRow {
  readonly setup: InterceptionSetup;
  readonly requests: number;
  /** Wall-clock and CPU time (user + system, GC included) per request. */
  readonly msPerRequest: number;
  readonly cpuMsPerRequest: number;
  /** JS heap still in use after the run and a full GC, per request. */
  readonly kibRetainedPerRequest: number;
  /** Sockets the run opened (`net.client.socket`) and TCP handles still open afterwards. */
  readonly socketsOpened: number;
  readonly tcpHandlesLeft: number;
  /** Peak RSS of the child process so far (it grows monotonically across a child's rows). */
  readonly peakRssMiB: number;
}

const BASE_URL = "https://api.openai.com/v1";
const THREAD = "thread_bench";

function syntheticExchanges(count: number, batch: string): Exchange[] {
  return Array.from({ length: count }, (_, i) => ({
    at: i,
    request: { method: "POST", path: `/v1/threads/${THREAD}/messages`, body: { role: "user", content: `${batch} question ${i}` } },
    response: {
      status: 200,
      headers: { "content-type": "application/json" },
      body: { id: `msg_${batch}_${i}`, object: "thread.message", thread_id: THREAD },
    },
  }));
}

/** Starts interception answering `exchanges`; returns what stops it. */
function startSetup(setup: InterceptionSetup, exchanges: readonly Exchange[]): () => void {
  const matcher = createMatcher(exchanges);
  const listeners = { onMiss: () => {}, onFrame: () => {} };
  if (setup === "setupServer") {
    const server = setupServer(replayHandler(matcher, new Map(), createTurnstile(), listeners));
    server.listen({ onUnhandledFrame: "error" });
    return () => server.close();
  }
  if (setup === "startInterception") return startInterception(replayHandler(matcher, new Map(), createTurnstile(), listeners)).close;
  const realFetch = globalThis.fetch;
  globalThis.fetch = async (input, init) => {
    const result = matcher.match(await readRequest(new Request(input, init)));
    if ("miss" in result) throw new Error(`fetch stub: ${result.miss.reason}`);
    return toResponse(result.exchange.response, new Map());
  };
  return () => (globalThis.fetch = realFetch);
}

const tcpHandles = () => process.getActiveResourcesInfo().filter((type) => type === "TCPSocketWrap").length;

/** GC until FinalizationRegistry callbacks (undici's request finalizers) have had their turn. */
async function settledHeap(gc: () => void): Promise<number> {
  for (let i = 0; i < 3; i++) {
    await new Promise((resolve) => setTimeout(resolve, 10));
    gc();
  }
  return process.memoryUsage().heapUsed;
}

async function measureOne(setup: InterceptionSetup, requests: number, batch: string, gc: () => void): Promise<InterceptionRow> {
  const exchanges = syntheticExchanges(requests, batch);
  const stop = startSetup(setup, exchanges);
  // Created after interception starts, as a lesson's client is: the SDK takes fetch now.
  const client = new OpenAI({ apiKey: "bench-needs-no-key", baseURL: BASE_URL, maxRetries: 0 });
  let socketsOpened = 0;
  const onSocket = () => socketsOpened++;
  const heapBefore = await settledHeap(gc);
  const handlesBefore = tcpHandles();
  dc.subscribe("net.client.socket", onSocket);
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  for (let i = 0; i < requests; i++) {
    const message = await client.beta.threads.messages.create(THREAD, { role: "user", content: `${batch} question ${i}` });
    if (message.id !== `msg_${batch}_${i}`) throw new Error(`${setup}: got ${message.id} for request ${i}`);
  }
  const elapsed = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  dc.unsubscribe("net.client.socket", onSocket);
  const heapAfter = await settledHeap(gc);
  const row: InterceptionRow = {
    setup,
    requests,
    msPerRequest: elapsed / requests,
    cpuMsPerRequest: (cpu.user + cpu.system) / 1000 / requests,
    kibRetainedPerRequest: (heapAfter - heapBefore) / 1024 / requests,
    socketsOpened,
    tcpHandlesLeft: tcpHandles() - handlesBefore,
    peakRssMiB: process.resourceUsage().maxRSS / 1024,
  };
  stop();
  return row;
}

/** Child process: one setup, a warm-up, then one row per count, as JSON on stdout. */
async function runChild(setup: InterceptionSetup, counts: readonly number[]): Promise<void> {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error("interception bench child: run node with --expose-gc");
  await measureOne(setup, 50, "warmup", gc);
  const rows: InterceptionRow[] = [];
  for (const [i, count] of counts.entries()) rows.push(await measureOne(setup, count, `run${i}`, gc));
  process.stdout.write(JSON.stringify(rows));
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

function medianRow(rows: readonly InterceptionRow[]): InterceptionRow {
  const of = (pick: (row: InterceptionRow) => number) => median(rows.map(pick));
  return {
    ...rows[0]!,
    msPerRequest: of((r) => r.msPerRequest),
    cpuMsPerRequest: of((r) => r.cpuMsPerRequest),
    kibRetainedPerRequest: of((r) => r.kibRetainedPerRequest),
    socketsOpened: of((r) => r.socketsOpened),
    tcpHandlesLeft: of((r) => r.tcpHandlesLeft),
    peakRssMiB: of((r) => r.peakRssMiB),
  };
}

export interface InterceptionBenchOptions {
  readonly counts?: readonly number[];
  /** Child processes per setup, interleaved; each figure is the median over rounds. */
  readonly rounds?: number;
}

/** One row per setup and count, medians over `rounds` interleaved child processes. */
export async function measureInterception(options: InterceptionBenchOptions = {}): Promise<InterceptionRow[]> {
  const { counts = [100, 1000], rounds = 3 } = options;
  const runs = new Map<string, InterceptionRow[]>();
  for (let round = 0; round < rounds; round++) {
    for (const setup of SETUPS) {
      const args = ["--expose-gc", "--import", "tsx", fileURLToPath(import.meta.url), "--child", setup, counts.join(",")];
      const { stdout } = await promisify(execFile)(process.execPath, args, { cwd: ROOT, maxBuffer: 1 << 20 });
      for (const row of JSON.parse(stdout) as InterceptionRow[]) {
        const key = `${setup}/${row.requests}`;
        runs.set(key, [...(runs.get(key) ?? []), row]);
      }
    }
  }
  return [...runs.values()].map(medianRow);
}

/** The rows as a text table, with time as a ratio to the fetch stub at the same count. */
export function formatInterceptionRows(rows: readonly InterceptionRow[]): string {
  const floor = (count: number) => rows.find((r) => r.setup === "fetch stub" && r.requests === count);
  const lines = ["setup               requests  ms/req  cpu ms/req  × floor (cpu)  KiB/req  sockets  TCP handles left  peak RSS MiB"];
  for (const row of rows) {
    const ratio = floor(row.requests) ? row.cpuMsPerRequest / floor(row.requests)!.cpuMsPerRequest : Number.NaN;
    lines.push(
      [
        row.setup.padEnd(18),
        String(row.requests).padStart(9),
        row.msPerRequest.toFixed(2).padStart(7),
        row.cpuMsPerRequest.toFixed(2).padStart(11),
        `${ratio.toFixed(1)}×`.padStart(14),
        row.kibRetainedPerRequest.toFixed(1).padStart(8),
        String(row.socketsOpened).padStart(8),
        String(row.tcpHandlesLeft).padStart(17),
        row.peakRssMiB.toFixed(0).padStart(13),
      ].join(" "),
    );
  }
  return `${lines.join("\n")}\n`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [flag, setup, counts] = process.argv.slice(2);
  if (flag === "--child") await runChild(setup as InterceptionSetup, counts!.split(",").map(Number));
  else process.stdout.write(`Interception cost per request (medians of 3 rounds):\n${formatInterceptionRows(await measureInterception())}`);
}
