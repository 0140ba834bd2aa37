/**
 * Number formatting for slides, alt text and data labels. Hand-rolled rather than
 * toLocaleString: the first Intl call costs ~25 ms of ICU start-up, a twentieth of a build.
 */

/** Digits as given (or to `decimals` places), with comma thousands separators: 11183.5 -> "11,183.5". */
export function formatNumber(v: number, decimals?: number): string {
  const raw = decimals === undefined ? String(v) : v.toFixed(decimals);
  if (/e/i.test(raw)) return raw;
  const [int = '', frac] = raw.split('.');
  const sign = int.startsWith('-') ? '-' : '';
  const digits = sign ? int.slice(1) : int;
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}${grouped}${frac !== undefined ? `.${frac}` : ''}`;
}
