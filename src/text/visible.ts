// Text that came from a recording (server answers, event names, error messages, fixture
// fields) is shown to people, so characters that can act instead of print are made
// visible first: an ESC could recolour or clear a terminal, a carriage return could
// overwrite a line, bidi overrides could reorder what is read. Each becomes a visible
// stand-in, so nothing disappears silently and nothing of the text is lost.

/** C0 controls except tab and newline, DEL, C1 controls, and bidi embeddings, overrides and isolates. */
const ACTIVE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
const ACTIVE_OR_BREAK = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/** C0 controls and DEL have Unicode "control pictures" (␛, ␍, ␡); the rest get U+FFFD. */
function picture(char: string): string {
  const code = char.charCodeAt(0);
  if (code < 0x20) return String.fromCharCode(0x2400 + code);
  return code === 0x7f ? "\u2421" : "\uFFFD";
}

/** Keeps newlines and tabs (for blocks of output); every other control becomes visible. */
export const visibleControls = (text: string): string => text.replace(ACTIVE, picture);

/** For text that must stay on one line (labels, table cells, error lines): newlines and tabs too. */
export const oneLine = (text: string): string => text.replace(ACTIVE_OR_BREAK, picture);
