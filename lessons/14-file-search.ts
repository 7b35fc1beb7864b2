// %% [markdown] id="intro"
// # Lesson 14: Answer from your own documents
//
// A model knows a lot, but not your course's exam dates. The **file search** tool lets
// an assistant look things up in documents you upload, and say where it found them. The
// pieces are:
//
// 1. a **file**, uploaded once with `files.create`;
// 2. a **vector store**, an index the API builds from your files: it cuts them into
//    chunks and embeds each chunk, so that passages can be found by meaning, not only
//    by exact words;
// 3. an assistant with the `file_search` tool and that vector store in its
//    `tool_resources`.
//
// The course ships a one-page handout in English and Korean,
// `lessons/files/course-handout.md`. By the end of the lesson the tutor answers
// questions about it, in both languages, with footnotes pointing at the file.

// %% [markdown] id="setup-note"
// The setup cell below recreates the client from lesson 1.

// %% Recreate the client id="recreate-client" tags=["setup"]
import OpenAI from "openai";
import dotenv from "dotenv";
dotenv.config({ quiet: true });
const client = new OpenAI();

// %% [markdown] id="upload"
// ## Upload the handout
//
// `files.create` sends the file as a `multipart/form-data` upload, the way a web form
// sends a file, together with its `purpose`. Files for the Assistants API have the
// purpose `"assistants"`. The SDK takes a read stream (or a `File`, or the result of its
// `toFile` helper) and uses the file's name. `import.meta.dirname` is the folder of
// this lesson, so the path works from any working directory.

// %% Upload the handout id="upload-handout"
import { createReadStream } from "node:fs";
import { join } from "node:path";
import { show_json } from "../src/helpers/index.ts";
const handout = await client.files.create({
  file: createReadStream(join(import.meta.dirname, "files", "course-handout.md")),
  purpose: "assistants",
});
show_json(handout);

// %% [markdown] id="file-object"
// The file object records the name, the size in bytes and the purpose. The id starts
// with `file-`, with a hyphen where the other ids have an underscore. The upload is kept
// until you delete it; the API does not give files uploaded for the assistants back
// (`files.content` refuses them), so keep your own copy.

// %% [markdown] id="vector-store"
// ## Build a vector store
//
// A vector store starts empty. Adding a file starts its **processing** (chunking and
// embedding) in the background, so the file is `in_progress` at first, and file search
// cannot find anything in it until it is `completed`.
// `vectorStores.files.createAndPoll` adds the file and polls it until processing ends,
// like `createAndPoll` does for runs.

// %% Create the vector store and add the handout id="create-vector-store"
const store = await client.vectorStores.create({ name: "Course handouts" });
const added = await client.vectorStores.files.createAndPoll(store.id, { file_id: handout.id }, { pollIntervalMs: 500 });
show_json(added);

// %% [markdown] id="processed"
// `status` is `completed`, `last_error` is empty, and `usage_bytes` says how much
// storage the processed file takes. `chunking_strategy` shows the default: chunks of up
// to 800 tokens that overlap by 400, so a sentence cut at one chunk's edge is whole in
// the next. The vector store itself now counts one completed file.

// %% Check the vector store id="retrieve-vector-store"
const ready = await client.vectorStores.retrieve(store.id);
console.log(ready.status, ready.file_counts);

// %% [markdown] id="assistant"
// ## An assistant that searches
//
// The assistant gets the `file_search` tool, and the vector store's id in
// `tool_resources.file_search.vector_store_ids`. Every run of this assistant can search
// that store.

// %% Create the assistant id="create-assistant"
const assistant = await client.beta.assistants.create({
  name: "Course Assistant",
  instructions: "You answer questions about the Math Tutor course from its handout. Answer in the language of the question.",
  model: "gpt-4o-mini",
  tools: [{ type: "file_search" }],
  tool_resources: { file_search: { vector_store_ids: [store.id] } },
});
show_json({ tools: assistant.tools, tool_resources: assistant.tool_resources });

// %% [markdown] id="ranking"
// The tool came back with its `ranking_options`: the ranker that orders the chunks a
// search finds, and a `score_threshold` below which chunks are dropped (0 keeps all).

// %% [markdown] id="ask"
// ## Ask about the handout
//
// Nothing changes in how you ask: a thread, a question, a run.

// %% Ask when the final exam is id="ask-final-exam"
const thread = await client.beta.threads.create({
  messages: [{ role: "user", content: "When is the final exam, and how much of the grade does it count for?" }],
});
const run = await client.beta.threads.runs.createAndPoll(thread.id, { assistant_id: assistant.id }, { pollIntervalMs: 500 });
const [reply] = (await client.beta.threads.messages.list(thread.id, { run_id: run.id })).data;
show_json(reply?.content);

// %% [markdown] id="annotations"
// The text contains markers such as `【4:0†course-handout.md】`, and `annotations` has one
// `file_citation` per marker: the marker's `text`, where it starts and ends in the
// answer (`start_index`, `end_index`), and the `file_id` it cites. The markers are
// meant for programs, not for readers.

// %% [markdown] id="footnotes"
// ## Citations as footnotes
//
// A reader wants `[1]` and a note saying which document it came from. So we replace
// each marker by a footnote number and list the cited files under the answer. The
// annotations give the file ids; `files.retrieve` gives each file's name. Working from
// the end of the text backwards keeps the earlier indices valid while we edit.

// %% Render the answer with footnotes id="render-footnotes"
async function withFootnotes(message: OpenAI.Beta.Threads.Message): Promise<string> {
  const part = message.content[0];
  if (part?.type !== "text") return `[${part?.type}]`;
  let text = part.text.value;
  const notes: string[] = [];
  const numbers = new Map<string, number>();
  for (const annotation of part.text.annotations) {
    if (annotation.type !== "file_citation" || numbers.has(annotation.file_citation.file_id)) continue;
    const file = await client.files.retrieve(annotation.file_citation.file_id);
    numbers.set(annotation.file_citation.file_id, numbers.size + 1);
    notes.push(`[${numbers.size}] ${file.filename} (${file.id})`);
  }
  for (const annotation of [...part.text.annotations].reverse()) {
    const number = annotation.type === "file_citation" ? numbers.get(annotation.file_citation.file_id) : undefined;
    const mark = number === undefined ? "" : ` [${number}]`;
    text = text.slice(0, annotation.start_index) + mark + text.slice(annotation.end_index);
  }
  return [text, "", ...notes].join("\n");
}
if (reply) console.log(await withFootnotes(reply));

// %% [markdown] id="same-file-same-number"
// Both citations point at the same file, so both become `[1]`. With several files in
// the store, each would get its own number.

// %% [markdown] id="korean"
// ## The same handout, in Korean
//
// The handout says everything twice, in English and in Korean, and the assistant was
// told to answer in the language of the question. A search finds passages by meaning,
// so a Korean question finds the Korean lines.

// %% Ask in Korean id="ask-in-korean"
await client.beta.threads.messages.create(thread.id, { role: "user", content: "숙제를 늦게 내면 어떻게 되나요?" });
const korean = await client.beta.threads.runs.createAndPoll(thread.id, { assistant_id: assistant.id }, { pollIntervalMs: 500 });
const [koreanReply] = (await client.beta.threads.messages.list(thread.id, { run_id: korean.id })).data;
if (koreanReply) console.log(await withFootnotes(koreanReply));

// %% [markdown] id="search-step"
// Each of these runs has a `tool_calls` step of type `file_search` before the message,
// as the code interpreter had in lesson 11. Its `results` list is empty unless you ask
// the run to include the found chunks (the `include` option of `runs.create`).

// %% Show the search step id="show-search-step"
const steps = await client.beta.threads.runs.steps.list(korean.id, { thread_id: thread.id, order: "asc" });
console.log(steps.data.map((step) => step.type).join(", "));
const search = steps.data[0]?.step_details;
if (search?.type === "tool_calls") show_json(search.tool_calls);

// %% [markdown] id="clean-up"
// ## Clean up
//
// A vector store is billed by its size for every day it exists, and an uploaded file
// stays until deleted. Delete the assistant, then the vector store, then the file:
// deleting the store leaves the file, and deleting the file removes it from every store.

// %% Delete everything the lesson created id="delete-everything"
show_json(await client.beta.assistants.delete(assistant.id));
show_json(await client.beta.threads.delete(thread.id));
show_json(await client.vectorStores.delete(store.id));
show_json(await client.files.delete(handout.id));

// %% [markdown] id="what-you-learned"
// ## What you learned
//
// - `files.create({ file, purpose: "assistants" })` uploads a file as a multipart form.
// - A vector store indexes files; a file is searchable once its processing is
//   `completed`, and `vectorStores.files.createAndPoll` waits for that.
// - The `file_search` tool with `tool_resources.file_search.vector_store_ids` lets an
//   assistant search the store.
// - Answers carry `file_citation` annotations: replace each marker by a footnote, and
//   name the file with `files.retrieve`.
// - Delete vector stores and files you no longer need.
//
// **Next:** in lesson 15 the code interpreter reads a CSV file you upload and draws a
// chart you download.
