// `npm run lesson:new "Title"`: the text of a new lesson, with a title cell, cell ids, a
// setup cell that creates the client, and a first step to fill in. Pure: data in, text out.
import { slugify } from "../notebook/ids.ts";

export interface NewLesson {
  /** `13-stream-a-run`. */
  readonly id: string;
  readonly text: string;
}

export function scaffoldLesson(number: number, title: string): NewLesson {
  const nn = String(number).padStart(2, "0");
  const id = `${nn}-${slugify(title).slice(0, 48).replace(/-+$/, "") || "lesson"}`;
  const text = [
    '// %% [markdown] id="intro"',
    `// # Lesson ${number}: ${title}`,
    "//",
    "// What this lesson shows, in a sentence or two.",
    "",
    '// %% Create the client id="create-client" tags=["setup"]',
    'import OpenAI from "openai";',
    "const client = new OpenAI();",
    "",
    '// %% [markdown] id="first-step-intro"',
    "// ## The first step",
    "//",
    "// Say what the next cell does and what to look for in its output.",
    "",
    '// %% The first step id="first-step"',
    "// Call the API as a learner would, and show what came back, e.g.:",
    '//   import { show_json } from "../src/helpers/index.ts";',
    "//   show_json(await client.models.list());",
    `console.log("Lesson ${number} is ready for its first step.");`,
    "",
  ].join("\n");
  return { id, text };
}
