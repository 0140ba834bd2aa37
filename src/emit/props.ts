/**
 * Document-level parts: sections in presentation.xml, and the properties PowerPoint, file
 * browsers and screen readers show (title, subject, author, language, slide titles).
 */
import { createHash } from 'node:crypto';
import { escapeXml } from './sanitize.js';

export interface DocumentInfo {
  title: string;
  subject?: string;
  author?: string;
  lang: string;
  /** Slide titles, in order. */
  titles: string[];
  /** Sections: a name and the index of the slide each starts at. */
  sections: { name: string; start: number }[];
  /** The template's name and the fonts the deck uses, for app.xml. */
  themeName: string;
  fonts: string[];
}

/** A GUID that is the same for the same input, so builds stay byte-identical. */
function guid(seed: string): string {
  const h = createHash('sha256').update(seed).digest('hex').toUpperCase();
  return `{${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}}`;
}

/** p14:sectionLst: the slide sorter groups slides under the deck's section titles. */
export function withSections(xml: string, info: DocumentInfo): string {
  if (!info.sections.length) return xml;
  const ids = [...xml.matchAll(/<p:sldId id="(\d+)"/g)].map((m) => m[1]!);
  const sections = info.sections
    .map((s, i) => {
      const end = info.sections[i + 1]?.start ?? ids.length;
      const slides = ids.slice(s.start, end).map((id) => `<p14:sldId id="${id}"/>`).join('');
      return `<p14:section name="${escapeXml(s.name)}" id="${guid(`${i}:${s.name}`)}"><p14:sldIdLst>${slides}</p14:sldIdLst></p14:section>`;
    })
    .join('');
  const ext = `<p:extLst><p:ext uri="{521415D9-36F7-43E2-AB2F-B90AF26B5E84}"><p14:sectionLst xmlns:p14="http://schemas.microsoft.com/office/powerpoint/2010/main">${sections}</p14:sectionLst></p:ext></p:extLst>`;
  return xml.replace('</p:presentation>', `${ext}</p:presentation>`);
}

/** core.xml: title, subject and author as the outline gives them, and the deck's language. */
export function coreProperties(xml: string, info: DocumentInfo, isoDate: string): string {
  const author = escapeXml(info.author ?? 'deckgen');
  return xml
    .replace(/(<dcterms:(created|modified)[^>]*>)[^<]*(<\/dcterms:\2>)/g, `$1${isoDate}$3`)
    .replace(/<dc:creator>[^<]*<\/dc:creator>/, `<dc:creator>${author}</dc:creator>`)
    .replace(/<cp:lastModifiedBy>[^<]*<\/cp:lastModifiedBy>/, '<cp:lastModifiedBy>deckgen</cp:lastModifiedBy>')
    .replace(/<dc:language>[^<]*<\/dc:language>/, '')
    .replace(/(<\/dc:title>)/, `$1<dc:language>${escapeXml(info.lang)}</dc:language>`);
}

/** app.xml: the fonts, the theme and the slide titles, as PowerPoint lists them. */
export function appProperties(xml: string, info: DocumentInfo): string {
  const lp = (s: string): string => `<vt:lpstr>${escapeXml(s)}</vt:lpstr>`;
  const pairs = [
    ['Fonts Used', info.fonts.length],
    ['Theme', 1],
    ['Slide Titles', info.titles.length],
  ] as const;
  const heading = `<HeadingPairs><vt:vector size="${pairs.length * 2}" baseType="variant">${pairs.map(([k, n]) => `<vt:variant>${lp(k)}</vt:variant><vt:variant><vt:i4>${n}</vt:i4></vt:variant>`).join('')}</vt:vector></HeadingPairs>`;
  const parts = [...info.fonts, info.themeName, ...info.titles];
  const titles = `<TitlesOfParts><vt:vector size="${parts.length}" baseType="lpstr">${parts.map(lp).join('')}</vt:vector></TitlesOfParts>`;
  return xml.replace(/<HeadingPairs>.*?<\/HeadingPairs>/s, heading).replace(/<TitlesOfParts>.*?<\/TitlesOfParts>/s, titles);
}
