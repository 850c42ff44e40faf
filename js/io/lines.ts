// Line endings of text inputs: LF (Unix), CRLF (Windows) and a lone CR (classic Mac OS, and what some
// spreadsheet exports still write) all end a line, so every text format counts lines the same way.

const LINE_END = /\r\n|\r|\n/;

/** The lines of a text, split at LF, CRLF or CR; line k (counting from 1) is element k - 1. */
export function splitLines(text: string): string[] {
  return text.split(LINE_END);
}

/** The first line of a text, without its line ending. */
export function firstLine(text: string): string {
  const m = LINE_END.exec(text);
  return m === null ? text : text.slice(0, m.index);
}
