// What a run wrote, in the order it happened. The polling path stores the parts at once; the
// streaming path replays the same parts as events (streaming.ts).
import type { FunctionCall, MessageObject } from "./objects.ts";
import type { RunStepObject } from "./step-objects.ts";

export type MessagePart = { kind: "message"; step: RunStepObject; message: MessageObject };
/** A code interpreter call: its code, what it printed, and the chart it saved, if any. */
export type ToolCallPart = { kind: "tool_call"; step: RunStepObject; callId: string; code: string; logs: string; imageFileId?: string };
/** Function calls the run stopped for (the step stays in progress until the outputs arrive). */
export type FunctionCallsPart = { kind: "function_calls"; step: RunStepObject; calls: FunctionCall[] };
/** The same step once the outputs were submitted. */
export type FunctionResultsPart = { kind: "function_results"; step: RunStepObject };
export type FileSearchPart = { kind: "file_search"; step: RunStepObject; callId: string };

export type OutputPart = MessagePart | ToolCallPart | FunctionCallsPart | FunctionResultsPart | FileSearchPart;
