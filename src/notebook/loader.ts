// Loads a lesson as an instrumented module. Each code cell's `// %%` marker line (a
// comment) is replaced by `await <enter>(index);` on the same line, so line and column
// numbers are unchanged and stack traces point at the lesson file itself. Node's
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

/** The lesson's text with cell boundaries turned into awaited calls; `enter(-1)` marks the end. */
export function instrument(notebook: Notebook, text: string): string {
  const lines = text.replace(/\r\n?/g, "\n").split("\n");
  for (const cell of notebook.cells) {
    if (cell.kind === "code") lines[cell.markerLine - 1] = `${ENTER_CALL}(${cell.index});`;
  }
  return `${lines.join("\n")}\n${ENTER_CALL}(-1);\n`;
}

// A plain `import()` here would be rewritten by test runners (vitest) into their own module
// system, which bypasses Node's hooks; the one in native-import.cjs always reaches Node.
const nativeImport = createRequire(import.meta.url)("./native-import.cjs") as (specifier: string) => Promise<unknown>;

/** Imports the instrumented lesson under a fresh URL (a module that threw stays cached). */
export async function importInstrumented(absoluteFile: string, source: string): Promise<void> {
  installHooks();
  const url = `${pathToFileURL(absoluteFile).href}?lessonbook-run=${++runCounter}`;
  instrumented.set(url, source);
  try {
    await nativeImport(url);
  } finally {
    instrumented.delete(url);
  }
}
