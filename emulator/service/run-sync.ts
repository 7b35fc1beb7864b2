// Keeps a run in step with its upstream response: a retrieve of the latest response moves the
// run on (run-state.ts), and the messages it wrote are registered with the run's ids, so the
// thread lists them as this run's. Every read of a thread or run syncs its active runs first.
import { fail } from "../../sim/core/errors.ts";
import { readArray, readString } from "../../sim/core/read-body.ts";
import { isThreadMessage } from "../core/messages.ts";
import type { Emulator } from "../core/ports.ts";
import type { MessageMeta, ResponseState, RunRecord } from "../core/records.ts";
import { advanceRun, expireIfDue, isActive, responseState, runSteps } from "../core/run-state.ts";
import { call, conversationPath, passError, responsePath } from "./upstream-calls.ts";

/** Registers (or finishes) the meta of an output message of `record`'s run. */
export function outputMessage(emu: Emulator, record: RunRecord, itemId: string, done: boolean): MessageMeta {
  const now = emu.clock.now();
  const meta: MessageMeta = emu.store.message(itemId) ?? {
    id: itemId,
    threadId: record.run.thread_id,
    createdAt: now,
    completedAt: null,
    assistantId: record.run.assistant_id,
    runId: record.run.id,
    metadata: {},
    attachments: [],
    itemId,
  };
  if (done) meta.completedAt ??= now;
  emu.store.putMessage(meta);
  return meta;
}

/** Takes in a response snapshot: its state replaces the one with the same id, or is added. */
export function takeResponse(emu: Emulator, record: RunRecord, raw: unknown): void {
  const state: ResponseState = responseState(raw);
  const index = record.responses.findIndex((known) => known.id === state.id);
  if (index >= 0) record.responses[index] = state;
  else record.responses.push(state);
  for (const item of state.output) {
    const id = readString(item, "id");
    if (item["type"] === "message" && id) outputMessage(emu, record, id, item["status"] !== "in_progress");
  }
  advanceRun(record, emu.clock.now());
  runSteps(record, emu.clock.now()); // stamps when each step was first seen
  emu.store.putRun(record);
}

/** Whether a conversation item exists (the upstream's 404 says it does not). */
async function itemExists(emu: Emulator, conversationId: string, itemId: string): Promise<boolean> {
  const path = `${conversationPath(conversationId)}/items/${encodeURIComponent(itemId)}`;
  const reply = await emu.upstream.request("GET", path);
  if (reply.status === 404) return false;
  if (reply.status >= 200 && reply.status < 300) return true;
  return fail(passError(reply));
}

/**
 * Once the run's first response has ended, links the messages it sent as input to their
 * conversation items (the response's last input items, in order). A message whose item did not
 * reach the conversation (a failed or cancelled response) stays waiting for the next run.
 */
export async function settleInputs(emu: Emulator, record: RunRecord): Promise<void> {
  const { inputs } = record;
  const first = record.responses[0];
  if (inputs.settled || !first || first.status === "queued" || first.status === "in_progress") return;
  const wanted = inputs.messageIds.slice(-100); // one page of input items
  if (wanted.length > 0) {
    const page = await call(emu, "GET", `${responsePath(first.id)}/input_items?order=desc&limit=${wanted.length}`);
    const itemIds = (readArray(page, "data") ?? [])
      .filter(isThreadMessage)
      .map((item) => item.id)
      .reverse();
    const pairs = wanted.slice(wanted.length - itemIds.length).map((messageId, index) => [messageId, itemIds[index]!] as const);
    for (const [messageId, itemId] of pairs) {
      const meta = emu.store.message(messageId);
      if (!meta || !(await itemExists(emu, record.conversationId, itemId))) continue;
      meta.itemId = itemId;
      emu.store.putMessage(meta);
      emu.store.linkItem(itemId, meta);
    }
  }
  inputs.settled = true;
  emu.store.putRun(record);
}

/** Brings an active run up to date with one retrieve of its latest response. */
export async function syncRun(emu: Emulator, record: RunRecord): Promise<RunRecord> {
  expireIfDue(record, emu.clock.now());
  const latest = record.responses.at(-1);
  if (isActive(record.run.status) && record.run.status !== "requires_action" && latest) {
    takeResponse(emu, record, await call(emu, "GET", responsePath(latest.id)));
  } else emu.store.putRun(record);
  await settleInputs(emu, record);
  return record;
}

/** Syncs every active run of a thread; returns the one still active, if any. */
export async function syncThread(emu: Emulator, threadId: string): Promise<RunRecord | undefined> {
  let active: RunRecord | undefined;
  for (const record of emu.store.runs(threadId)) {
    if (!isActive(record.run.status)) continue;
    await syncRun(emu, record);
    if (isActive(record.run.status)) active = record;
  }
  return active;
}
