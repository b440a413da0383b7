/**
 * Markdown text made inert: every text from the scheme or the data goes through
 * `inline` or `cell`, so a name can neither open an HTML tag nor a link, emphasis or
 * table column; and a GFM table of such cells. Shared by the single, batch and trend reports.
 */
import { visible } from './escape';

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

/** Text from the scheme or the data, inert inside a paragraph, list item or heading; line breaks become spaces. */
export function inline(s: string): string {
  return escapeText(s).replace(/\r\n|\r|\n/g, ' ');
}

/** Text inert inside a table cell: as `inline`, with line breaks kept as `<br>`. */
export function cell(s: string): string {
  return escapeText(s).replace(/\r\n|\r|\n/g, '<br>');
}

function escapeText(s: string): string {
  // CR LF and a lone CR are line breaks here (the callers turn them into a space or <br>), not controls.
  return (
    visible(s.replace(/\r\n?/g, '\n'))
      .replace(/[&<>]/g, (c) => ENTITIES[c]!)
      .replace(/[\\`*_[\]~|#$]/g, '\\$&')
      // GFM turns bare URLs into links: break the triggers.
      .replace(/\b(https?|ftp|mailto):/gi, '$1&#58;')
      .replace(/\bwww\./gi, 'www&#46;')
  );
}

export function table(head: string[], align: ('l' | 'r')[], rows: string[][]): string[] {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(head), line(align.map((a) => (a === 'r' ? '---:' : '---'))), ...rows.map(line)];
}
