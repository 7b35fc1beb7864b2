import { marked } from "marked";
import { describe, expect, it } from "vitest";
import { commentText, fence, markdownCode, markdownText } from "../../src/render/markdown-escape.ts";
import { oneLine, visibleControls } from "../../src/text/visible.ts";

const html = (markdown: string) => marked.parse(markdown, { async: false }) as string;

describe("making controls visible", () => {
  it("keeps newlines and tabs in blocks and shows every other control as a stand-in", () => {
    expect(visibleControls("a\tb\nc\r\u001b[31mred\u0007\u007f\u009b2J\u202egnp.exe")).toBe("a\tb\nc␍␛[31mred␇␡\uFFFD2J\uFFFDgnp.exe");
    expect(oneLine("line 1\nline 2\tend")).toBe("line 1␊line 2␉end");
    expect(visibleControls("Hangul 한글, emoji 🎉, accents é")).toBe("Hangul 한글, emoji 🎉, accents é");
  });
});

describe("escaping text for Markdown", () => {
  it("leaves ordinary prose, URLs and snake_case names exactly as they are", () => {
    for (const text of [
      "replay, offline from fixtures/08-run-lifecycle.json",
      "reconstructed on 2026-11-21 to match https://api.openai.com/v1",
      "Define print_assistant_messages",
      'Check the assistant\'s instructions (v2: "ids"); 2.3.0 > 2.0',
    ])
      expect(markdownText(text)).toBe(text);
  });

  it("escapes what could start markup", () => {
    expect(markdownText("<script>alert(1)</script> & `code` *em* _em_ [link](x) ~~del~~ a|b \\ x_")).toBe(
      "&lt;script>alert(1)&lt;/script> &amp; \\`code\\` \\*em\\* \\_em\\_ \\[link\\](x) \\~\\~del\\~\\~ a\\|b \\\\ x\\_",
    );
    expect(markdownText("two\nlines")).toBe("two␊lines");
  });

  it("renders back as the same text with no element but the paragraph", () => {
    const text = "<img src=x onerror=alert(1)> ````` | *a* _b_ [c](d) ~~e~~ \\*f &amp;";
    expect(html(markdownText(text))).toBe("<p>&lt;img src=x onerror=alert(1)&gt; ````` | *a* _b_ [c](d) ~~e~~ \\*f &amp;amp;</p>\n");
  });

  it("makes code spans no backtick run can close, and keeps | inside its table cell", () => {
    expect(markdownCode("thread.run.created", true)).toBe("`thread.run.created`");
    expect(markdownCode("a ``` b")).toBe("````a ``` b````");
    expect(markdownCode("`x")).toBe("`` `x ``");
    expect(markdownCode("a|b\\|c", true)).toBe("`a\\|b\\\\\\|c`");
    const table = html(`| event | count |\n|---|---:|\n| ${markdownCode("`a|b\\|c <b>", true)} | 1 |\n`);
    expect(table).toContain('<td><code>`a|b\\\\|c &lt;b&gt;</code></td>\n<td align="right">1</td>');
  });

  it("keeps a comment closed and fences longer than any backtick run", () => {
    expect(commentText("lessons/--><script>--!>.ts")).toBe("lessons/--&gt;&lt;script>--!&gt;.ts");
    expect(fence("a\n`````\nb\n", "text")).toBe("``````text\na\n`````\nb\n``````");
  });
});
