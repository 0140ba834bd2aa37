/**
 * Number formatting for slides, alt text and data labels. Hand-rolled rather than
 * toLocaleString: the first Intl call costs ~25 ms of ICU start-up, a twentieth of a build.
 */

/** Rounds the decimal the writer typed, not its binary neighbour: 1.005 -> "1.01", and no "-0". */
function roundHalfUp(v: number, decimals: number): string {
  const shifted = Math.round(Number(`${Math.abs(v)}e${decimals}`));
  const rounded = Number(`${shifted}e-${decimals}`) * Math.sign(v);
  return (Object.is(rounded, -0) ? 0 : rounded).toFixed(decimals);
}

/** Digits as given (or to `decimals` places), with comma thousands separators: 11183.5 -> "11,183.5". */
export function formatNumber(v: number, decimals?: number): string {
  const raw = decimals === undefined ? String(v) : roundHalfUp(v, decimals);
  if (/e/i.test(raw)) return raw;
  const [int = '', frac] = raw.split('.');
  const sign = int.startsWith('-') ? '-' : '';
  const digits = sign ? int.slice(1) : int;
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}${grouped}${frac !== undefined ? `.${frac}` : ''}`;
}
