// Live guidance for what files and vector stores add, produced for real against the local
// simulator: an upload over the size limit, a file type file_search cannot read, and a vector
// store file still processing when its cell ends (but not once a poll saw it finish).
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tempCourse } from "../support/cli.ts";
import { runLiveInProcess } from "../support/live.ts";
import { type CourseSim, startCourseSim } from "../support/sim.ts";

const PRELUDE = `// %% [markdown] id="intro"
// # Files
// %% Client id="client"
import OpenAI, { toFile } from "openai";
const client = new OpenAI();
`;

const LESSONS: Record<string, string> = {
  "91-too-large": `${PRELUDE}// %% Upload id="upload"
await client.files.create({ file: await toFile(new Uint8Array(2048), "big.txt"), purpose: "assistants" });
`,
  "92-unsupported": `${PRELUDE}// %% Attach id="attach"
const file = await client.files.create({ file: await toFile(Buffer.from("a,b\\n1,2\\n"), "scores.csv"), purpose: "assistants" });
const store = await client.vectorStores.create({ name: "Scores" });
await client.vectorStores.files.createAndPoll(store.id, { file_id: file.id }, { pollIntervalMs: 1 });
`,
  "93-processing": `${PRELUDE}// %% Attach id="attach"
const file = await client.files.create({ file: await toFile(Buffer.from("# Notes\\n"), "notes.md"), purpose: "assistants" });
const store = await client.vectorStores.create({ name: "Notes" });
await client.vectorStores.files.create(store.id, { file_id: file.id });
`,
  "94-polled": `${PRELUDE}// %% Attach id="attach"
const file = await client.files.create({ file: await toFile(Buffer.from("# Notes\\n"), "notes.md"), purpose: "assistants" });
const store = await client.vectorStores.create({ name: "Notes" });
await client.vectorStores.files.create(store.id, { file_id: file.id });
await client.vectorStores.files.poll(store.id, file.id, { pollIntervalMs: 1 });
`,
};

describe("live guidance for files and vector stores", () => {
  let server: CourseSim;
  const course = tempCourse();
  for (const [id, text] of Object.entries(LESSONS)) writeFileSync(join(course.lessons, `${id}.ts`), text);
  const live = (lesson: number) =>
    runLiveInProcess(lesson, "live", { OPENAI_API_KEY: "sk-local", OPENAI_BASE_URL: server.baseUrl }, { dirs: course.dirs, report: false });

  beforeAll(async () => {
    server = await startCourseSim({ maxFileBytes: 1024 });
  });
  afterAll(() => server.close());

  it("names an upload over the size limit and says how large a file may be", async () => {
    const { errorLines } = await live(91);
    expect(errorLines).toEqual([
      "LiveError: big.txt (2048 bytes) is too large for POST /v1/files (413: File is too large: it has 2048 bytes, and files can be at most 1024 bytes.)",
      "Fix: upload a file of at most 512 MB: split it, or compress its images",
    ]);
  });

  it("names a file type file_search cannot read, from the failed vector store file", async () => {
    const { errorLines, result } = await live(92);
    expect(errorLines[0]).toMatch(
      /^LiveError: file file-\w+ failed to process in vector store vs_\w+: unsupported_file: Files with extensions \[\.csv\] are not supported for retrieval\. See https:\/\/platform\.openai\.com\/docs\/assistants\/tools\/file-search#supported-files$/,
    );
    expect(errorLines.slice(1)).toEqual([
      "Fix: give file_search one of .pdf, .md, .txt, .docx, .pptx, .html, .json and source files, or give the file to the code interpreter instead",
    ]);
    expect(result.run.status).toBe("error");
  });

  it("warns about a vector store file still processing when its cell ended", async () => {
    const { errorLines } = await live(93);
    expect(errorLines[0]).toMatch(
      /^LiveError: file file-\w+ in vector store vs_\w+ was still being processed when the cell ended, so file_search cannot find its content yet$/,
    );
    expect(errorLines.slice(1)).toEqual([
      "Fix: wait for processing before you start a run: use createAndPoll (or poll the file until its status is completed)",
    ]);
  });

  it("says nothing once a poll in the same cell saw the file finish", async () => {
    const { errorLines, result } = await live(94);
    expect(errorLines).toEqual([]);
    expect(result.run.status).toBe("ok");
  });
});
