// Tables that fit a phone: on a narrow screen every GOV.UK table stacks, each row a block and each
// cell prefixed with its column's heading (app.css). The heading is written into each cell here, once
// for every page, from the table's own <thead>, so every table (and every language's headings) gets it
// without each template repeating its headings on every cell.
const TABLE = /<table\b[^>]*class="[^"]*\bgovuk-table\b[^"]*"[^>]*>[\s\S]*?<\/table>/g;
const HEAD = /<thead\b[\s\S]*?<\/thead>/;
const HEADER_CELL = /<th\b[^>]*>([\s\S]*?)<\/th>/g;
const BODY = /<tbody\b[\s\S]*?<\/tbody>/g;
const ROW = /<tr\b[^>]*>[\s\S]*?<\/tr>/g;
const CELL = /<(td|th)\b([^>]*)>/g;

/** The text of a heading cell, as an attribute value (tags dropped, already-escaped entities kept). */
const label = (html: string) =>
  html
    .replace(/<span class="govuk-visually-hidden">[\s\S]*?<\/span>/g, '')
    .replace(/<[^>]*>/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/"/g, '&quot;');

function labelTable(table: string): string {
  const head = HEAD.exec(table)?.[0];
  if (!head) return table;
  const labels = [...head.matchAll(HEADER_CELL)].map((m) => label(m[1]));
  return table.replace(BODY, (body) =>
    body.replace(ROW, (row) => {
      let i = 0;
      return row.replace(CELL, (cell, tag: string, attrs: string) => {
        const text = labels[i++];
        return text && !/\bdata-label=/.test(attrs) ? `<${tag}${attrs} data-label="${text}">` : cell;
      });
    }),
  );
}

/** The page with each body cell of each GOV.UK table labelled with its column's heading. */
export function labelTableCells(html: string): string {
  return html.includes('govuk-table') ? html.replace(TABLE, labelTable) : html;
}
