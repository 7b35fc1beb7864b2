// Narrative Markdown for the terminal: marked lexes and walks it, these renderers turn
// each token into plain or coloured text instead of HTML.
import { Marked, type Tokens } from "marked";
import type { Style } from "./style.ts";
import { displayWidth, padEndToWidth } from "./width.ts";

const ENTITIES: Record<string, string> = { "&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"', "&#39;": "'" };
const unescapeEntities = (text: string) => text.replace(/&(?:amp|lt|gt|quot|#39);/g, (e) => ENTITIES[e] ?? e);

function tableText(token: Tokens.Table, inline: (tokens: Tokens.Generic[]) => string): string {
  const rows = [token.header, ...token.rows].map((row) => row.map((cell) => inline(cell.tokens)));
  // Columns by display width: Hangul and emoji take two, colour codes none.
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => displayWidth(r[i] ?? ""))));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => padEndToWidth(c, widths[i]!))
      .join("  ")
      .trimEnd();
  return [line(rows[0]!), widths.map((w) => "─".repeat(w)).join("  "), ...rows.slice(1).map(line)].join("\n") + "\n\n";
}

function terminalMarked(style: Style): Marked {
  return new Marked({
    renderer: {
      heading({ tokens, depth }) {
        const text = this.parser.parseInline(tokens);
        return `${style(["bold", "underline"], depth <= 2 ? text.toUpperCase() : text)}\n\n`;
      },
      paragraph({ tokens }) {
        return `${this.parser.parseInline(tokens)}\n\n`;
      },
      list(token) {
        const items = token.items.map((item, i) => {
          const bullet = token.ordered ? `${Number(token.start || 1) + i}.` : "•";
          const body = this.parser.parse(item.tokens).trim().replace(/\n/g, "\n   ");
          return ` ${bullet} ${body}`;
        });
        return `${items.join("\n")}\n\n`;
      },
      code({ text }) {
        return `${text
          .split("\n")
          .map((l) => `    ${style("cyan", l)}`)
          .join("\n")}\n\n`;
      },
      blockquote({ tokens }) {
        return `${this.parser
          .parse(tokens)
          .trim()
          .split("\n")
          .map((l) => `${style("dim", "│")} ${l}`)
          .join("\n")}\n\n`;
      },
      table(token) {
        return tableText(token, (tokens) => this.parser.parseInline(tokens));
      },
      hr() {
        return `${style("dim", "─".repeat(40))}\n\n`;
      },
      html({ text }) {
        return text;
      },
      space() {
        return "";
      },
      strong({ tokens }) {
        return style("bold", this.parser.parseInline(tokens));
      },
      em({ tokens }) {
        return style("italic", this.parser.parseInline(tokens));
      },
      del({ tokens }) {
        return style("strikethrough", this.parser.parseInline(tokens));
      },
      codespan({ text }) {
        return style("cyan", unescapeEntities(text));
      },
      br() {
        return "\n";
      },
      link({ href, tokens }) {
        const text = this.parser.parseInline(tokens);
        return text === href ? style("underline", href) : `${text} (${style("underline", href)})`;
      },
      image({ href, text }) {
        return `[image: ${text}] (${href})`;
      },
      text(token) {
        return "tokens" in token && token.tokens ? this.parser.parseInline(token.tokens) : unescapeEntities(token.text);
      },
    },
  });
}

export function markdownToTerminal(markdown: string, style: Style): string {
  return (terminalMarked(style).parse(markdown, { async: false }) as string).replace(/\n{3,}/g, "\n\n").trimEnd();
}
