// %% [markdown] id="intro"
// # Lesson 15: The code interpreter with your own data
//
// In lesson 11 the code interpreter checked a bit of algebra. Its real strength is data:
// give it a file and it writes Python (usually with pandas and matplotlib) to read it,
// compute what you ask, and draw charts. The charts come back as **files**, which your
// program downloads.
//
// The course ships the quiz scores of a small class, `lessons/files/quiz-scores.csv`:
// six students and five quizzes. We ask the tutor to summarise them and to chart the
// class average per quiz.

// %% [markdown] id="setup-note"
// The setup cell below recreates the client from lesson 1.

// %% Recreate the client id="recreate-client" tags=["setup"]
import OpenAI from "openai";
import dotenv from "dotenv";
dotenv.config({ quiet: true });
const client = new OpenAI();

// %% [markdown] id="the-data"
// ## The data
//
// A CSV file is plain text: a header line, then one line per student.

// %% Print the CSV file id="print-csv"
import { readFileSync, createReadStream } from "node:fs";
import { join } from "node:path";
const csvPath = join(import.meta.dirname, "files", "quiz-scores.csv");
console.log(readFileSync(csvPath, "utf8"));

// %% [markdown] id="upload"
// ## Give the file to the code interpreter
//
// The upload is the same as in lesson 14. This time the file goes to the code
// interpreter, in `tool_resources.code_interpreter.file_ids`. The code interpreter
// copies it into its sandbox, where the code finds it under `/mnt/data/` with the
// file's id as its name. (You can also attach a file to a single message, with
// `attachments: [{ file_id, tools: [{ type: "code_interpreter" }] }]`.)

// %% Upload the CSV and create the assistant id="upload-and-create-assistant"
import { show_json } from "../src/helpers/index.ts";
const scores = await client.files.create({ file: createReadStream(csvPath), purpose: "assistants" });
const assistant = await client.beta.assistants.create({
  name: "Data Tutor",
  instructions: "You are a tutor who analyses data. Write and run code to answer questions about the files you are given.",
  model: "gpt-4o-mini",
  tools: [{ type: "code_interpreter" }],
  tool_resources: { code_interpreter: { file_ids: [scores.id] } },
});
show_json(assistant.tool_resources);

// %% [markdown] id="ask"
// ## Ask for a summary and a chart
//
// A run without streaming, as in lesson 10. The code interpreter may take a few
// steps, so `createAndPoll` waits a little longer than for a plain answer.

// %% Ask for a summary and a chart id="ask-for-chart"
const thread = await client.beta.threads.create({
  messages: [
    {
      role: "user",
      content: "Summarise the quiz scores in the attached CSV file and draw a bar chart of the class average for each quiz.",
    },
  ],
});
const run = await client.beta.threads.runs.createAndPoll(thread.id, { assistant_id: assistant.id }, { pollIntervalMs: 500 });
console.log(run.status);

// %% [markdown] id="messages"
// ## What the assistant wrote
//
// The run wrote two messages: a plan before the code ran, and the result after it.
// The result starts with an `image_file` part: the chart, by file id. As in lesson 12,
// we print text parts and name other parts by their type.

// %% Print the new messages id="print-messages"
const written = await client.beta.threads.messages.list(thread.id, { run_id: run.id, order: "asc" });
for (const message of written.data) {
  for (const part of message.content) {
    if (part.type === "text") console.log(`assistant > ${part.text.value}`);
    else if (part.type === "image_file") console.log(`assistant > [image_file ${part.image_file.file_id}]`);
  }
}

// %% [markdown] id="run-steps"
// ## The code and what it printed
//
// The messages hold no code. As in lesson 11, the code is in the run's `tool_calls`
// step: its `input` is the Python the assistant wrote, and its `outputs` are what
// running it produced, `logs` for printed text and `image` for each figure.

// %% Show the code interpreter step id="show-code-step"
const steps = await client.beta.threads.runs.steps.list(run.id, { thread_id: thread.id, order: "asc" });
let chartId: string | undefined;
for (const step of steps.data) {
  if (step.step_details.type !== "tool_calls") continue;
  for (const call of step.step_details.tool_calls) {
    if (call.type !== "code_interpreter") continue;
    console.log(call.code_interpreter.input);
    for (const output of call.code_interpreter.outputs) {
      if (output.type === "logs") console.log(`\noutput >\n${output.logs}`);
      else {
        chartId = output.image.file_id;
        console.log(`output > image ${chartId}`);
      }
    }
  }
}

// %% [markdown] id="check-the-numbers"
// The code reads the file by its id under `/mnt/data/`. Check the printed numbers
// against the CSV above: the class average of quiz 1 is (72 + 65 + 90 + 58 + 81 + 77) / 6
// ≈ 73.8, and Sora went from 58 to 85, a gain of 27 points.

// %% [markdown] id="download"
// ## Download the chart
//
// The chart is a file like any other, with the purpose `assistants_output`.
// `files.content(id)` returns the raw HTTP response; its bytes are the PNG image.
// `show_image` from the course helpers shows an image in the report: it saves the
// bytes next to the report, as `reports/15-code-interpreter-files/quiz-averages.png`,
// and links them. (In a notebook you would call `display(Image(...))`; in a script,
// write the bytes to a file.)

// %% Download and show the chart id="download-chart"
import { show_image } from "../src/helpers/index.ts";
if (chartId) {
  const chart = await client.files.retrieve(chartId);
  console.log(chart.filename, chart.purpose, chart.bytes);
  const response = await client.files.content(chartId);
  console.log(response.headers.get("content-type"));
  show_image(await response.arrayBuffer(), "quiz-averages.png");
}

// %% [markdown] id="chart-notes"
// Five bars, rising from quiz to quiz, as the summary said. The chart came from the
// sandbox, not from your program: if you want it to look a certain way (labels, colours,
// a line instead of bars), say so in the question, and the assistant writes its
// matplotlib code accordingly.

// %% [markdown] id="clean-up"
// ## Clean up
//
// Delete the assistant and the thread, and both files: the CSV you uploaded and the
// chart the code interpreter saved. Files the code interpreter makes stay in your
// storage like uploads do.

// %% Delete everything the lesson created id="delete-everything"
console.log((await client.beta.assistants.delete(assistant.id)).deleted);
console.log((await client.beta.threads.delete(thread.id)).deleted);
console.log((await client.files.delete(scores.id)).deleted);
if (chartId) console.log((await client.files.delete(chartId)).deleted);

// %% [markdown] id="what-you-learned"
// ## What you learned
//
// - Give files to the code interpreter with
//   `tool_resources.code_interpreter.file_ids`; the code finds them in `/mnt/data/`.
// - The code and its output are in the run steps: `input`, then `outputs` of type
//   `logs` and `image`.
// - Charts are files: an `image_file` part in the message and an `image` output in the
//   step name the same file id, and `files.content` downloads its bytes.
//
// **Next:** lesson 16 turns the chat loop of lesson 12 into the streaming chat program
// of the fourth tutorial.
