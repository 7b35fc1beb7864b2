// Syntax highlighting at build time with shiki: the fine-grained core, the JavaScript
// regex engine (no WebAssembly), and only the grammars the course uses. Colours are not
// written into the page: the CSS-variables theme names each token's kind, which becomes a
// class, and site.css gives each class a colour for light and for dark. So one
// tokenization serves both themes and the page carries no inline style (strict CSP).
import { createCssVariablesTheme, createHighlighterCore, type HighlighterCore } from "shiki/core";
import { createJavaScriptRegexEngine } from "shiki/engine/javascript";
import type { CourseDirs } from "../course/catalog.ts";
import type { Lang } from "../lang.ts";
import { escapeHtml } from "../render/html-escape.ts";

/** Highlighted `code` as `<pre class="hl"><code>…</code></pre>`; unknown languages stay plain text. */
export type Highlight = (code: string, lang: string) => string;

const THEME = "lessonbook";
const PREFIX = "--hl-";

/** Fence names as authors write them, and the grammar each one uses. */
const ALIASES = new Map<string, string>([
  ["ts", "typescript"],
  ["typescript", "typescript"],
  ["js", "typescript"],
  ["javascript", "typescript"],
  ["json", "json"],
  ["jsonc", "jsonc"],
  ["sh", "shellscript"],
  ["bash", "shellscript"],
  ["shell", "shellscript"],
  ["console", "shellscript"],
  ["py", "python"],
  ["python", "python"],
]);

/** Token colour `var(--hl-token-keyword)` → class `t-keyword`; the default colour needs no span. */
function tokenClass(color: string | undefined, fontStyle: number | undefined): string {
  const kind = color && /^var\(--hl-token-([a-z-]+)\)$/.exec(color)?.[1];
  const classes = [kind ? `t-${kind}` : "", fontStyle && fontStyle & 1 ? "t-i" : "", fontStyle && fontStyle & 2 ? "t-b" : ""];
  return classes.filter(Boolean).join(" ");
}

export const plainBlock = (code: string): string => `<pre class="hl"><code>${escapeHtml(code)}</code></pre>`;

function render(highlighter: HighlighterCore, code: string, grammar: string): string {
  // No time limit: a slow first line (regexes still compiling) must not end highlighting early, or builds would differ.
  const lines = highlighter.codeToTokensBase(code, { lang: grammar, theme: THEME, tokenizeTimeLimit: 0 });
  const html = lines.map((tokens) =>
    tokens
      .map((token) => {
        const cls = tokenClass(token.color, token.fontStyle);
        return cls ? `<span class="${cls}">${escapeHtml(token.content)}</span>` : escapeHtml(token.content);
      })
      .join(""),
  );
  return `<pre class="hl lang-${grammar}"><code>${html.join("\n")}</code></pre>`;
}

/** Loads the grammars once; the returned function is synchronous and caches by language and text. */
export async function createHighlight(): Promise<Highlight> {
  const highlighter = await createHighlighterCore({
    themes: [createCssVariablesTheme({ name: THEME, variablePrefix: PREFIX, fontStyle: true })],
    langs: [
      import("@shikijs/langs/typescript"),
      import("@shikijs/langs/json"),
      import("@shikijs/langs/jsonc"),
      import("@shikijs/langs/shellscript"),
      import("@shikijs/langs/python"),
    ],
    engine: createJavaScriptRegexEngine(),
  });
  const cache = new Map<string, string>();
  return (code, lang) => {
    const grammar = ALIASES.get(lang.toLowerCase());
    if (!grammar) return plainBlock(code);
    const key = `${grammar}\u0000${code}`;
    let html = cache.get(key);
    if (html === undefined) {
      html = render(highlighter, code, grammar);
      cache.set(key, html);
    }
    return html;
  };
}

/** What the highlighting worker reads to find its work (see sources.ts codeJobs). */
export interface AheadRequest {
  readonly dirs: CourseDirs;
  readonly docsDirs: readonly string[];
  /** The languages the lessons are shown in (default: English). */
  readonly langs?: readonly Lang[];
}

/** The worker's answer: highlighted HTML by `lang\0code`. */
export type AheadResult = readonly (readonly [key: string, html: string])[];

export const aheadKey = (code: string, lang: string): string => `${lang}\u0000${code}`;

/**
 * Starts a worker thread (highlight-worker.ts) that reads the course's code and highlights it
 * while this thread loads and replays the lessons; resolves to a highlighter that answers
 * from the worker's results and highlights anything else itself. If the worker fails, this
 * thread does all of it: slower, same pages.
 */
export async function highlightAhead(request: AheadRequest): Promise<Highlight> {
  const { Worker } = await import("node:worker_threads");
  const worker = new Worker(new URL("./highlight-worker.ts", import.meta.url), { workerData: request });
  const done = new Promise<AheadResult>((resolve, reject) => {
    worker.once("message", resolve);
    worker.once("error", reject);
    worker.once("exit", (code) => reject(new Error(`the highlighting worker exited with code ${code}`)));
  });
  const [result, own] = await Promise.all([done.catch((): AheadResult => []), createHighlight()]);
  void worker.terminate();
  const ready = new Map(result);
  return (code, lang) => ready.get(aheadKey(code, lang)) ?? own(code, lang);
}
