// `npm run lesson:new "Title"`: writes lessons/NN-slug.ts from the scaffold (the next free
// number unless `--number N`), never over an existing file, and says how to run and record it.
import { existsSync, writeFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { defaultDirs, loadCourse, recordCommand } from "../course/catalog.ts";
import { MANIFEST_FILE } from "../course/manifest.ts";
import { scaffoldLesson } from "../course/scaffold.ts";
import { UserError } from "../errors.ts";

const ROOT = resolve(fileURLToPath(new URL("../..", import.meta.url)));
const USAGE = 'npm run lesson:new "Title" (or: npm run lesson:new "Title" -- --number 18)';

function parse(argv: readonly string[]): { title: string; number: string | undefined; lessons: string | undefined } {
  try {
    const { values, positionals } = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: { number: { type: "string" }, lessons: { type: "string" } },
    });
    return { title: positionals.join(" ").trim(), number: values.number, lessons: values.lessons };
  } catch (error) {
    throw new UserError("Invalid arguments", (error as Error).message.replace(/\.\s.*$/s, "").replace(/\.$/, ""), `run ${USAGE}`);
  }
}

/** Creates the lesson; returns the lines to print. */
export function newLesson(argv: readonly string[], root = ROOT): string[] {
  const args = parse(argv);
  if (args.title === "" || /[\r\n]/.test(args.title))
    throw new UserError("No lesson title", "the title is one line of text", `run ${USAGE}`);
  const lessonsDir = args.lessons ? resolve(args.lessons) : defaultDirs(root).lessons;
  const dirs = { ...defaultDirs(root), root: resolve(lessonsDir, ".."), lessons: lessonsDir };
  const { lessons } = loadCourse(dirs);
  const number = args.number === undefined ? Math.max(0, ...lessons.map((l) => l.number)) + 1 : Number(args.number);
  if (!Number.isInteger(number) || number < 1 || number > 99)
    throw new UserError(`Invalid --number "${args.number}"`, "expected a lesson number from 1 to 99", `run ${USAGE}`);
  const taken = lessons.find((l) => l.number === number);
  if (taken) throw new UserError(`Lesson ${number} exists`, `lessons/${taken.id}.ts has that number`, "choose another with --number N");
  const { id, text } = scaffoldLesson(number, args.title);
  const file = join(lessonsDir, `${id}.ts`);
  const shown = relative(dirs.root, file).split("\\").join("/");
  if (existsSync(file)) throw new UserError(`${shown} exists`, "lesson:new never overwrites a lesson", "choose another title or --number");
  writeFileSync(file, text, { flag: "wx" });
  return [
    `Created ${shown} (cells: intro, create-client, first-step-intro, first-step).`,
    `  npm run lesson ${number} -- --live      run it against the API`,
    `  ${recordCommand({ number })}    record its fixture and report`,
    `  then add "${id}" to a part in lessons/${MANIFEST_FILE}`,
  ];
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    process.stdout.write(`${newLesson(process.argv.slice(2)).join("\n")}\n`);
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
    process.stderr.write(`lessonbook: ${error.message}\n`);
    process.exitCode = error.exitCode;
  }
}
