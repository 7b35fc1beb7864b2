// What the tool tests and the schema session share: the lessons' own files, the convert_units
// tool of lesson 13 with its real implementation, and helpers that set up each kind of tool run.
import { readFileSync } from "node:fs";
import type OpenAI from "openai";
import { toFile } from "openai";
import type { Harness } from "./sdk-harness.ts";

const lessonFile = (name: string) => readFileSync(new URL(`../../lessons/files/${name}`, import.meta.url));
export const HANDOUT_BYTES = lessonFile("course-handout.md");
export const SCORES_BYTES = lessonFile("quiz-scores.csv");

export const MARATHON = "A marathon is 26.2 miles. How many kilometres is that?";
export const RUN_AND_WEIGHT = "This morning I ran 10 km, and I weigh 70 kg. What are those in miles and pounds?";
export const BOILING = "Water boils at 100 °C. What is that in Fahrenheit?";
export const FINAL_EXAM = "When is the final exam, and how much of the grade does it count for?";
export const QUIZ_CHART = "Summarise the quiz scores in the attached CSV file and draw a bar chart of the class average for each quiz.";

export const CONVERT_UNITS = {
  type: "function" as const,
  function: {
    name: "convert_units",
    description: "Convert a value from one unit to another.",
    parameters: {
      type: "object",
      properties: { value: { type: "number" }, from: { type: "string" }, to: { type: "string" } },
      required: ["value", "from", "to"],
    },
  },
};

const FACTORS: Record<string, (value: number) => number> = {
  "mi>km": (v) => v * 1.609344,
  "km>mi": (v) => v / 1.609344,
  "kg>lb": (v) => v / 0.45359237,
  "C>F": (v) => (v * 9) / 5 + 32,
};

/** Lesson 13's function, answering a tool call's JSON arguments with a number rounded to 2 places. */
export function convertUnits(args: string): string {
  const { value, from, to } = JSON.parse(args) as { value: number; from: string; to: string };
  return String(Math.round(FACTORS[`${from}>${to}`]!(value) * 100) / 100);
}

export async function unitsThread({ client }: Harness, question: string) {
  const assistant = await client.beta.assistants.create({ name: "Math Tutor", model: "gpt-4o-mini", tools: [CONVERT_UNITS] });
  const thread = await client.beta.threads.create({ messages: [{ role: "user", content: question }] });
  return { assistant, thread };
}

/** The outputs for a run that requires action, computed by convertUnits. */
export function outputsFor(run: OpenAI.Beta.Threads.Run) {
  return (run.required_action?.submit_tool_outputs.tool_calls ?? []).map((call) => ({
    tool_call_id: call.id,
    output: convertUnits(call.function.arguments),
  }));
}

/** A vector store holding the handout, processed (or still processing when `poll` is false). */
export async function handoutStore({ client }: Harness, poll = true) {
  const file = await client.files.create({
    file: await toFile(HANDOUT_BYTES, "course-handout.md", { type: "text/markdown" }),
    purpose: "assistants",
  });
  const store = await client.vectorStores.create({ name: "Course handouts" });
  if (poll) await client.vectorStores.files.createAndPoll(store.id, { file_id: file.id }, { pollIntervalMs: 1 });
  else await client.vectorStores.files.create(store.id, { file_id: file.id });
  const assistant = await client.beta.assistants.create({
    name: "Course Assistant",
    model: "gpt-4o-mini",
    tools: [{ type: "file_search" }],
    tool_resources: { file_search: { vector_store_ids: [store.id] } },
  });
  return { file, store, assistant };
}

/** An assistant whose code interpreter has the quiz scores attached. */
export async function scoresAssistant({ client }: Harness) {
  const file = await client.files.create({
    file: await toFile(SCORES_BYTES, "quiz-scores.csv", { type: "text/csv" }),
    purpose: "assistants",
  });
  const assistant = await client.beta.assistants.create({
    name: "Data Tutor",
    model: "gpt-4o-mini",
    tools: [{ type: "code_interpreter" }],
    tool_resources: { code_interpreter: { file_ids: [file.id] } },
  });
  return { file, assistant };
}
