// The text a PDF from pdfkit shows: each content stream inflated, each TJ/Tj string decoded from the
// standard fonts' WinAnsi bytes. Enough to check what a person reading the PDF would see.
import { inflateSync } from 'node:zlib';

export function pdfText(pdf: Buffer): string {
  const raw = pdf.toString('latin1');
  const lines: string[] = [];
  // pdfkit writes "stream\n" and "\nendstream"; a deflated stream may itself end in \r, so none is stripped.
  const streams = /stream\n([\s\S]*?)\nendstream/g;
  for (let m = streams.exec(raw); m; m = streams.exec(raw)) {
    let content: string;
    try {
      content = inflateSync(Buffer.from(m[1], 'latin1')).toString('latin1');
    } catch {
      content = m[1];
    }
    const shows = /\[((?:<[0-9a-fA-F]*>|[-\d.\s])*)\]\s*TJ|<([0-9a-fA-F]*)>\s*Tj/g;
    for (let s = shows.exec(content); s; s = shows.exec(content)) {
      const hexes = s[1] ? [...s[1].matchAll(/<([0-9a-fA-F]*)>/g)].map((h) => h[1]) : [s[2]];
      lines.push(hexes.map((h) => Buffer.from(h, 'hex').toString('latin1')).join(''));
    }
  }
  return lines.join('\n');
}
