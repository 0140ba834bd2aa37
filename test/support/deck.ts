// Reading a built deck the way a reviewer would: slides in order, their text, notes and pictures.
import type { Pptx } from './ooxml.js';

export interface SlideView {
  part: string;
  texts: string[];
  notes: string;
  pictures: { name: string; descr: string }[];
}

const unescape = (s: string): string =>
  s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

/** Text of each paragraph in a part, runs joined. */
export function paragraphs(xml: string): string[] {
  return [...xml.matchAll(/<a:p>(.*?)<\/a:p>/gs)]
    .map((m) => [...(m[1] ?? '').matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((t) => unescape(t[1] ?? '')).join(''))
    .filter((t) => t.length > 0);
}

export async function slides(pptx: Pptx): Promise<SlideView[]> {
  const parts = pptx.partNames
    .filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n))
    .sort((a, b) => Number(a.match(/\d+/)![0]) - Number(b.match(/\d+/)![0]));
  return Promise.all(
    parts.map(async (part) => {
      const xml = await pptx.text(part);
      const n = part.match(/slide(\d+)\.xml/)![1];
      const rels = await pptx.text(`ppt/slides/_rels/slide${n}.xml.rels`);
      const notesTarget = rels.match(/Target="\.\.\/notesSlides\/(notesSlide\d+\.xml)"/)?.[1];
      const notes = notesTarget ? paragraphs(await pptx.text(`ppt/notesSlides/${notesTarget}`)).filter((t) => !/^\d+$/.test(t)).join('\n') : '';
      const pictures = [...xml.matchAll(/<p:pic>.*?(<p:cNvPr [^>]*>)/gs)].map((m) => ({
        name: m[1]!.match(/name="([^"]*)"/)?.[1] ?? '',
        descr: unescape(m[1]!.match(/descr="([^"]*)"/)?.[1] ?? ''),
      }));
      return { part, texts: paragraphs(xml), notes, pictures };
    }),
  );
}
