/** The colour a mistyped colour most likely meant, for the hint: "#FFF" -> "#FFFFFF", "red" -> "#FF0000". */

/** Common CSS colour names: what people type when they mean a colour. */
const NAMED: Record<string, string> = {
  black: '000000', white: 'FFFFFF', red: 'FF0000', green: '008000', blue: '0000FF', yellow: 'FFFF00',
  orange: 'FFA500', purple: '800080', grey: '808080', gray: '808080', navy: '000080', teal: '008080',
  maroon: '800000', olive: '808000', silver: 'C0C0C0', lime: '00FF00', aqua: '00FFFF', cyan: '00FFFF',
  magenta: 'FF00FF', fuchsia: 'FF00FF', pink: 'FFC0CB', brown: 'A52A2A', gold: 'FFD700', amber: 'FFBF00',
};

const hex = (n: number): string => Math.max(0, Math.min(255, Math.round(n))).toString(16).padStart(2, '0').toUpperCase();

/** The nearest valid colour ("#RRGGBB"), or undefined when nothing sensible is close. */
export function nearestColour(input: unknown): string | undefined {
  if (typeof input === 'number' && Number.isInteger(input) && input >= 0) return nearestColour(String(input).padStart(6, '0'));
  if (typeof input !== 'string') return undefined;
  const s = input.trim().toLowerCase();
  if (NAMED[s]) return `#${NAMED[s]}`;
  const rgb = /^rgba?\(\s*(\d{1,3})\s*,\s*(\d{1,3})\s*,\s*(\d{1,3})\s*(?:,[^)]*)?\)$/.exec(s);
  if (rgb) return `#${hex(Number(rgb[1]))}${hex(Number(rgb[2]))}${hex(Number(rgb[3]))}`;
  // Letters people type for digits: O for 0, l and I for 1.
  const digits = s.replace(/^(#|0x)/, '').replace(/o/g, '0').replace(/[il]/g, '1');
  if (!/^[0-9a-f]+$/.test(digits)) return undefined;
  if (digits.length === 3 || digits.length === 4) return `#${[...digits.slice(0, 3)].map((c) => c + c).join('').toUpperCase()}`;
  if (digits.length === 8) return `#${digits.slice(0, 6).toUpperCase()}`;
  if (digits.length === 5) return `#${(digits + digits[4]).toUpperCase()}`;
  if (digits.length === 6) return `#${digits.toUpperCase()}`;
  if (digits.length === 7) return `#${digits.slice(0, 6).toUpperCase()}`;
  return undefined;
}

export const COLOUR_FORMS = 'six hex digits, with or without "#": "#0B5394" or "0B5394" (quote it, since # starts a YAML comment)';
