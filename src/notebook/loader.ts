// Loads a lesson as an instrumented module. Each code cell's `// %%` marker line (a
// comment) is replaced by `await <enter>(index);` on the same line, so line numbers are
// unchanged and stack traces point at the lesson file itself. Node's
// synchronous module hooks serve the instrumented text; Node strips the types.
import { createRequire, registerHooks } from "node:module";
import { pathToFileURL } from "node:url";
import type { Notebook } from "./cells.ts";

export const ENTER_KEY = Symbol.for("lessonbook.enter");
const ENTER_CALL = 'await globalThis[Symbol.for("lessonbook.enter")]';

const instrumented = new Map<string, string>();
let hooksInstalled = false;
let runCounter = 0;

function installHooks(): void {
  if (hooksInstalled) return;
  hooksInstalled = true;
  registerHooks({
    load(url, context, nextLoad) {
      const source = instrumented.get(url);
      if (source === undefined) return nextLoad(url, context);
      return { format: "module-typescript", source, shortCircuit: true };
    },
  });
}

/** The function the lesson's statements run in; stack frames name it, and stack.ts hides the name. */
export const CELLS_FUNCTION = "lessonbook$cells";

// An import statement that has a line (or a run of lines) to itself.
const IMPORT_START = /^import(?:\s+type)?[\s{*]|^import\s*["']/;
const IMPORT_END = /(?:from\s*["'][^"']*["']|^import\s*["'][^"']*["'])\s*;?\s*$/;

/** Blanks the lesson's import statements (keeping line numbers) and returns them. */
function liftImports(lines: string[]): string[] {
  const lifted: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (!IMPORT_START.test(lines[i]!)) continue;
    let end = i;
    while (end < lines.length - 1 && !IMPORT_END.test(lines.slice(i, end + 1).join(" "))) end++;
    lifted.push(lines.slice(i, end + 1).join(" "));
    for (let j = i; j <= end; j++) lines[j] = "";
    i = end;
  }
  return lifted;
}

/**
 * The statements of a lesson, line for line: each code cell's marker line becomes an awaited
 * `enter(index)`, a `#!` first line and the import statements become blank lines. Returns
 * those lines, the imports, and what runs before the first line (the enter call of a cell
 * that has no marker line).
 */
export function cellStatements(notebook: Notebook, text: string): { lines: string[]; imports: string[]; head: string } {
  const lines = text.replace(/\r\n?/g, "\n").split("\n");
  if (lines[0]!.startsWith("#!")) lines[0] = "";
  let head = "";
  for (const cell of notebook.cells) {
    if (cell.kind !== "code") continue;
    if (cell.markerLine === 0) head = `${ENTER_CALL}(${cell.index}); `;
    else lines[cell.markerLine - 1] = `${ENTER_CALL}(${cell.index});`;
  }
  return { lines, imports: liftImports(lines), head };
}

/**
 * The lesson's text as the runner loads it: its statements (see cellStatements), then
 * `enter(-1)` to mark the end. The statements run inside one exported async function, so
 * the lesson's variables live only while it runs and are collected after its session (a
 * module's own top-level variables would stay alive as long as the process); its imports
 * stay at the top level, on the first line. Every line keeps its number.
 */
export function instrument(notebook: Notebook, text: string): string {
  const { lines, imports, head } = cellStatements(notebook, text);
  lines[0] = `${imports.join(" ")} export default async function ${CELLS_FUNCTION}() { ${head}${lines[0]}`;
  return `${lines.join("\n")}\n${ENTER_CALL}(-1);\n}\n`;
}

// A plain `import()` here would be rewritten by test runners (vitest) into their own module
// system, which bypasses Node's hooks; the one in native-import.cjs always reaches Node.
const runModule = createRequire(import.meta.url)("./native-import.cjs") as (specifier: string) => Promise<unknown>;

/** Imports the instrumented lesson under a fresh URL (a module that threw stays cached). */
export async function importInstrumented(absoluteFile: string, source: string): Promise<void> {
  installHooks();
  const url = `${pathToFileURL(absoluteFile).href}?lessonbook-run=${++runCounter}`;
  instrumented.set(url, source);
  try {
    await runModule(url);
  } finally {
    instrumented.delete(url);
  }
}
