// The PDF for the person: the same redacted document the JSON export carries, drawn with pdfkit's
// built-in Helvetica (no font files to ship). Photographs stay in the JSON copy.
import PDFDocument from 'pdfkit';

import { pdfWords, sectionTitles } from './sar.presenter';
import type { SarSection } from './sar-document';

export interface PdfInput {
  receivedOn: string;
  generatedAt: string;
  sections: SarSection[];
}

const show = (v: unknown): string =>
  v === null || v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v);

export function renderPdf(input: PdfInput, compress = true): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: 50, compress, info: { Title: pdfWords.title } });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  doc.font('Helvetica-Bold').fontSize(18).text(pdfWords.title);
  doc.font('Helvetica').fontSize(10).moveDown().text(pdfWords.intro);
  doc.moveDown().text(`${pdfWords.received}: ${input.receivedOn}. ${pdfWords.generated}: ${input.generatedAt}.`);
  for (const section of input.sections) {
    doc
      .moveDown()
      .font('Helvetica-Bold')
      .fontSize(13)
      .text(sectionTitles[section.key] ?? section.key);
    doc.font('Helvetica').fontSize(9);
    if (!section.items.length) doc.text(pdfWords.empty);
    for (const item of section.items) {
      doc.moveDown(0.5);
      if (item.flags.includes('police_information')) doc.font('Helvetica-Oblique').text(pdfWords.police);
      doc.font('Helvetica');
      if (item.redacted) doc.text(item.redacted);
      for (const [key, value] of Object.entries(item.fields)) {
        if (key === 'image_base64') {
          doc.text(pdfWords.photoNote);
          continue;
        }
        const text = show(value);
        if (text) doc.text(`${key.replace(/_/g, ' ')}: ${text}`);
      }
    }
  }
  doc.end();
  return done;
}
