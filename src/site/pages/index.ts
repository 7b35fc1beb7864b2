// The course's front page: its title, the provenance banner (which API was shut down, and
// how and when the outputs shown were made), what a learner needs, the parts with their
// lessons and one-line descriptions, and the pages from docs/.
import { attrs, escapeHtml, inlineText } from "../../render/html-escape.ts";
import type { Provenance } from "../../fixtures/format.ts";
import type { SiteMessages } from "../messages.ts";

export interface IndexLesson {
  readonly number: number;
  readonly title: string;
  readonly description: string | undefined;
  readonly path: string;
  readonly provenance: Provenance | undefined;
}

export interface IndexPart {
  readonly title: string;
  readonly description: string | undefined;
  /** Set when the part's API was shut down: its name and the date. */
  readonly shutdown: { readonly api: string; readonly date: string } | undefined;
  readonly lessons: readonly IndexLesson[];
}

export interface IndexInput {
  readonly title: string;
  readonly parts: readonly IndexPart[];
  readonly docs: readonly { readonly title: string; readonly path: string }[];
}

/** One line per way the outputs were made (reconstructed or recorded, and the day), naming its lessons. */
function provenanceLines(lessons: readonly IndexLesson[], words: SiteMessages): string[] {
  const groups = new Map<string, { source: Provenance["source"]; date: string; numbers: number[] }>();
  for (const lesson of lessons) {
    if (!lesson.provenance) continue;
    const key = `${lesson.provenance.source} ${lesson.provenance.date}`;
    const group = groups.get(key) ?? { source: lesson.provenance.source, date: lesson.provenance.date, numbers: [] };
    group.numbers.push(lesson.number);
    groups.set(key, group);
  }
  return [...groups.values()].map((g) => words.provenanceLine(g.source, g.date, words.lessonRange(g.numbers)));
}

function banner(input: IndexInput, words: SiteMessages): string {
  const shutdowns = new Map(input.parts.flatMap((p) => (p.shutdown ? [[p.shutdown.api, p.shutdown.date] as const] : [])));
  const lines = [
    ...[...shutdowns].map(([api, date]) => words.shutdown(api, date)),
    words.replayed,
    ...provenanceLines(
      input.parts.flatMap((p) => p.lessons),
      words,
    ),
  ];
  return `<aside class="banner" role="note">\n${lines.map((line) => `<p>${inlineText(line)}</p>`).join("\n")}\n</aside>`;
}

function part(p: IndexPart, words: SiteMessages): string {
  const items = p.lessons.map((l) => {
    const description = l.description ? ` <span class="description">${inlineText(l.description)}</span>` : "";
    const label = `<span class="num">${escapeHtml(words.lessonLabel(l.number))}</span><span class="title">${inlineText(l.title)}</span>`;
    return `<li><a${attrs({ href: l.path })}>${label}</a>${description}</li>`;
  });
  const about = p.description ? `\n<p>${inlineText(p.description)}</p>` : "";
  return `<section class="part">\n<h2>${inlineText(p.title)}</h2>${about}\n<ol class="lesson-list">\n${items.join("\n")}\n</ol>\n</section>`;
}

export function indexMain(input: IndexInput, words: SiteMessages, markdown: (source: string) => string): string {
  const needs = words.needs.map((line) => `<li>${markdown(line).replace(/^<p>|<\/p>\n?$/g, "")}</li>`);
  const docs = input.docs.map((d) => `<li><a${attrs({ href: d.path })}>${inlineText(d.title)}</a></li>`);
  const pages = docs.length ? `\n<section>\n<h2>${escapeHtml(words.pages)}</h2>\n<ul>\n${docs.join("\n")}\n</ul>\n</section>` : "";
  return (
    `<h1>${inlineText(input.title)}</h1>\n${banner(input, words)}\n` +
    `<section class="needs">\n<h2>${escapeHtml(words.whatYouNeed)}</h2>\n<ul>\n${needs.join("\n")}\n</ul>\n</section>\n` +
    `${input.parts.map((p) => part(p, words)).join("\n")}${pages}`
  );
}
