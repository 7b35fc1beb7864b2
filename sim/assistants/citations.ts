// An answer from attached files, with the markers and file_citation annotations the API put in:
// each citation is a marker like 【4:0†handout.md】 in the text, and an annotation with the
// marker's text, its start and end index, and the cited file's id.
import type { SearchableFile } from "../files/family.ts";
import type { FileCitation } from "./objects.ts";
import type { FileSearchTurn } from "./replies.ts";

export type CitedText = { value: string; annotations: FileCitation[] };

/**
 * The turn's answer with its citations, or undefined when a cited file is not among the search's
 * files (not attached, or still processing). `turn` is the first number in each marker.
 */
export function citedAnswer(answer: FileSearchTurn["answer"], files: readonly SearchableFile[], turn: number): CitedText | undefined {
  let value = "";
  const annotations: FileCitation[] = [];
  for (const piece of answer) {
    if (typeof piece === "string") {
      value += piece;
      continue;
    }
    const index = files.findIndex((file) => file.filename === piece.cite);
    if (index < 0) return undefined;
    const marker = `【${turn}:${index}†${piece.cite}】`;
    annotations.push({
      type: "file_citation",
      text: marker,
      start_index: value.length,
      end_index: value.length + marker.length,
      file_citation: { file_id: files[index]!.fileId },
    });
    value += marker;
  }
  return { value, annotations };
}
