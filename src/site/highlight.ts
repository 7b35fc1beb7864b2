// Syntax highlighting at build time with shiki: the fine-grained core, the JavaScript
// regex engine (no WebAssembly), and only the grammars the course uses. Colours are not
// written into the page: the CSS-variables theme names each token's kind, which becomes a
// class, and site.css gives each class a colour for light and for dark. So one
// tokenization serves both themes and the page carries no inline style (strict CSP).
import { createCssVariablesTheme, createHighlighterCore, type HighlighterCore } from "shiki/core";
import { createJavaScriptRegexEngine } from "shiki/engine/javascript";
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

/**
 * Highlights `jobs` in a worker thread (see highlight-worker.ts) and resolves to a
 * highlighter that answers those from the worker's results and anything else itself.
 */
export async function highlightAhead(jobs: readonly (readonly [code: string, lang: string])[]): Promise<Highlight> {
  const { Worker } = await import("node:worker_threads");
  const worker = new Worker(new URL("./highlight-worker.ts", import.meta.url), { workerData: jobs });
  const [done, own] = await Promise.all([
    new Promise<readonly string[]>((resolve, reject) => {
      worker.once("message", resolve);
      worker.once("error", reject);
    }),
    createHighlight(),
  ]);
  void worker.terminate();
  const ready = new Map(jobs.map(([code, lang], i) => [`${lang}\u0000${code}`, done[i]!]));
  return (code, lang) => ready.get(`${lang}\u0000${code}`) ?? own(code, lang);
}
