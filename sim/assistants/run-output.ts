// What a run writes when it gets to work: the steps, the assistant messages and, for tools,
// the calls in between. The answer book chooses the turn (replies.ts); this module writes it.
import { readArray, readObject } from "../core/read-body.ts";
import { citedAnswer } from "./citations.ts";
import { type ImageFileContent, type MessageObject, type TextContent, messageObject, textContent } from "./objects.ts";
import type { MessagePart, OutputPart } from "./parts.ts";
import { type ReplyPlan, planReply } from "./replies.ts";
import { stepObject } from "./step-objects.ts";
import type { AssistantsContext, RunRecord, ThreadRecord } from "./store.ts";
import { writeCodeCall, writeFileSearch, writeFunctionCalls } from "./tool-steps.ts";
import { type UsageMeter, createUsageMeter, messageText } from "./usage.ts";

export function lastUserText(thread: ThreadRecord): string | undefined {
  const lastUser = thread.messages.findLast((message) => message.role === "user");
  return lastUser ? messageText(lastUser) : undefined;
}

type Writer = { context: AssistantsContext; thread: ThreadRecord; record: RunRecord; meter: UsageMeter };

function writeMessage({ context, thread, record, meter }: Writer, content: (TextContent | ImageFileContent)[]): MessagePart {
  const { run } = record;
  const stepId = context.newId("step");
  const messageId = context.newId("msg");
  // The whole answer is written in the moment of the request that finished the run.
  const createdAt = context.clock.now();
  const base = { id: messageId, createdAt, threadId: thread.thread.id, role: "assistant" as const, content };
  const message: MessageObject = messageObject({
    ...base,
    assistantId: run.assistant_id,
    runId: run.id,
    status: "completed",
    completedAt: createdAt,
  });
  const details = { type: "message_creation" as const, message_creation: { message_id: messageId } };
  const text = content.map((part) => (part.type === "text" ? part.text.value : "")).join("");
  const step = stepObject({ id: stepId, createdAt, run, details, completedAt: createdAt, usage: meter.charge(text) });
  thread.messages.push(message);
  record.steps.push(step);
  return { kind: "message", step, message };
}

/** Ids named in `tool_resources.<tool>.<key>` of the assistant and of the thread. */
function resourceIds(writer: Writer, tool: string, key: string): string[] {
  const assistant = writer.context.store.assistants.get(writer.record.run.assistant_id);
  const lists = [assistant?.tool_resources, writer.thread.thread.tool_resources].map(
    (resources) => readArray(readObject(resources ?? {}, tool) ?? {}, key) ?? [],
  );
  return lists.flat().filter((id): id is string => typeof id === "string");
}

/** The file the code reads: attached to the code interpreter, or to a user message for it. */
function codeFile(writer: Writer): string | undefined {
  const attached = writer.thread.messages.flatMap((message) => message.attachments as { file_id?: string; tools?: { type?: string }[] }[]);
  const forCode = attached.filter((a) => a.tools?.some((tool) => tool.type === "code_interpreter")).map((a) => a.file_id);
  return [...resourceIds(writer, "code_interpreter", "file_ids"), ...forCode].find((id) => typeof id === "string");
}

function writeTurn(writer: Writer, plan: ReplyPlan): OutputPart[] {
  switch (plan.kind) {
    case "text":
      return [writeMessage(writer, [textContent(plan.text)])];
    case "functions": {
      const outputs = writer.record.toolOutputs;
      if (!outputs) return [writeFunctionCalls(writer.context, writer.record, plan.calls)];
      return [writeMessage(writer, [textContent(plan.answer(outputs))])];
    }
    case "file_search": {
      const search = writeFileSearch(writer.context, writer.record, lastUserText(writer.thread) ?? "", writer.meter);
      const files = writer.context.files.searchable(resourceIds(writer, "file_search", "vector_store_ids"));
      // Markers counted the messages the model had read, tool output included: 4 for a first question.
      const cited = citedAnswer(plan.answer, files, writer.thread.messages.length + 3);
      return [search, writeMessage(writer, [cited ? textContent(cited.value, cited.annotations) : textContent(plan.notFound)])];
    }
    case "code": {
      const intro = writeMessage(writer, [textContent(plan.intro)]);
      const call = writeCodeCall(writer.context, writer.record, plan, codeFile(writer), writer.meter);
      const image: ImageFileContent[] = call.imageFileId ? [{ type: "image_file", image_file: { file_id: call.imageFileId } }] : [];
      return [intro, call, writeMessage(writer, [...image, textContent(plan.conclusion)])];
    }
  }
}

/** Writes the run's next turn into the thread; a function turn first stops the run for outputs. */
export function produceOutput(context: AssistantsContext, thread: ThreadRecord, record: RunRecord): OutputPart[] {
  const { run } = record;
  const functions = run.tools.flatMap((tool) => (tool.type === "function" ? [String(readObject(tool, "function")?.["name"] ?? "")] : []));
  const plan = planReply(context.answers, lastUserText(thread), {
    instructions: run.instructions,
    codeInterpreter: run.tools.some((tool) => tool.type === "code_interpreter"),
    fileSearch: run.tools.some((tool) => tool.type === "file_search"),
    functions,
  });
  return writeTurn({ context, thread, record, meter: createUsageMeter(record, thread) }, plan);
}
