// %% [markdown] id="intro"
// # Lesson 30: Search your files
//
// The tutor knows math, but not your course: when is the final exam, what happens to
// late homework? The answers are in the course handout. With the **file search** tool,
// the model searches files you upload and answers from them, citing what it used.
//
// The building blocks are the same as in part 1: a **file** and a **vector store** that
// indexes it. What changes is where the store is named. An assistant kept it in its
// `tool_resources`; now each request names it in the `file_search` tool.
//
// **This lesson replaces lesson 14** (uploading a file, a vector store,
// `tool_resources.file_search`, and citations in the answer).

// %% [markdown] id="setup-note"
// The setup cells below recreate the client and the model from lesson 21.

// %% Recreate the client id="recreate-client" tags=["setup"]
import OpenAI from "openai";
import dotenv from "dotenv";
dotenv.config({ quiet: true });
const client = new OpenAI();

// %% Recreate the model id="recreate-model" tags=["setup"]
const MODEL = "gpt-4o-mini";

// %% [markdown] id="upload"
// ## Upload the handout
//
// `files.create()` uploads a file. The handout is a short Markdown file next to the
// lessons, in `lessons/files/course-handout.md`. The purpose `"assistants"` is still
// the one for files that tools read, despite its name.

// %% Upload the file id="upload-file"
import { createReadStream } from "node:fs";
import { show_json } from "../src/helpers/index.ts";
const file = await client.files.create({
  file: createReadStream(new URL("files/course-handout.md", import.meta.url)),
  purpose: "assistants",
});
show_json(file);

// %% [markdown] id="vector-store"
// ## Put it in a vector store
//
// A vector store splits its files into chunks and indexes them for search. Create one
// and add the file. Indexing takes a moment, so `vectorStores.files.createAndPoll()`
// adds the file and polls until it is processed, as `createAndPoll` did for runs in
// lesson 10.

// %% Create the vector store and add the file id="create-vector-store"
const vectorStore = await client.vectorStores.create({ name: "Math Tutor course" });
const storeFile = await client.vectorStores.files.createAndPoll(vectorStore.id, { file_id: file.id }, { pollIntervalMs: 500 });
console.log(storeFile.status);

// %% [markdown] id="ask"
// ## Ask with the `file_search` tool
//
// The tool names the vector stores to search. By default the response only says
// *that* it searched; `include: ["file_search_call.results"]` also returns what the
// search found, which is useful while you learn (and for showing sources).

// %% Ask about the final exam id="ask-final-exam"
const response = await client.responses.create({
  model: MODEL,
  instructions: "You are the tutor of a math course. Answer questions about the course from its handout.",
  tools: [{ type: "file_search", vector_store_ids: [vectorStore.id] }],
  include: ["file_search_call.results"],
  input: "When is the final exam, and how much of the grade does it count for?",
});
show_json(response.output);

// %% [markdown] id="two-items"
// Two output items, where part 1 had run steps:
//
// - A `file_search_call` with the `queries` the model searched for, and, because we
//   asked for them, the `results`: each with the file, a relevance `score`, and the
//   `text` of the chunk it matched. (The handout is short, so it is one chunk.)
// - The `message` with the answer. Its `output_text` part carries `annotations` of type
//   `file_citation`, each naming the cited file and the `index` in the text where the
//   citation belongs. In part 1 the text itself held markers such as `【4:0†source】`;
//   here the text stays clean and the annotations say where sources apply.

// %% [markdown] id="citations"
// ## Show the sources
//
// An app usually shows citations as numbered references. Insert `[1]`, `[2]`, … at each
// annotation's `index` (from the end backwards, so earlier indexes stay valid), then
// list the files.

// %% Print the answer with numbered citations id="print-citations"
for (const item of response.output) {
  if (item.type !== "message") continue;
  for (const part of item.content) {
    if (part.type !== "output_text") continue;
    const cited = part.annotations.filter((annotation) => annotation.type === "file_citation");
    let text = part.text;
    cited.forEach((annotation, i) => console.log(`[${i + 1}] ${annotation.filename} (${annotation.file_id})`));
    for (let i = cited.length - 1; i >= 0; i--) {
      const at = cited[i]?.index ?? text.length;
      text = `${text.slice(0, at)} [${i + 1}]${text.slice(at)}`;
    }
    console.log(text);
  }
}

// %% [markdown] id="any-language"
// The search works across languages: a learner may ask in Korean about an English and
// Korean handout, and the answer comes in the learner's language. Here we only read
// `output_text`.

// %% Ask in Korean id="ask-in-korean"
const korean = await client.responses.create({
  model: MODEL,
  instructions: "You are the tutor of a math course. Answer questions about the course from its handout.",
  tools: [{ type: "file_search", vector_store_ids: [vectorStore.id] }],
  input: "숙제를 늦게 내면 어떻게 되나요?",
});
console.log(korean.output_text);

// %% [markdown] id="clean-up"
// ## Clean up
//
// Files and vector stores stay in your project until you delete them, and vector
// stores are billed by their size per day. Delete the store first, then the file:
// deleting a store does not delete the files in it.

// %% Delete the vector store and the file id="delete-store-and-file"
show_json(await client.vectorStores.delete(vectorStore.id));
show_json(await client.files.delete(file.id));

// %% [markdown] id="what-you-learned"
// ## What you learned
//
// - Upload with `files.create({ file, purpose: "assistants" })`, index with a vector
//   store, and wait with `vectorStores.files.createAndPoll()`.
// - `tools: [{ type: "file_search", vector_store_ids }]` searches them for one request;
//   `include: ["file_search_call.results"]` returns what was found.
// - The answer's `file_citation` annotations name the file and the `index` where each
//   source applies.
// - Delete vector stores and files when you are done with them.
//
// **Next:** in lesson 31 the model runs code.
