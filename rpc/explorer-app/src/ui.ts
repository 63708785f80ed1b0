// Small DOM and formatting helpers shared by the views.

export function esc(s: unknown): string {
  return String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]!));
}

export const link = (path: string, text: string, testid = '') =>
  `<a href="/explorer/${path}" data-link${testid ? ` data-testid="${testid}"` : ''} class="mono">${esc(text)}</a>`;
export const blockLink = (n: number | bigint) => link(`block/${n}`, String(n));
export const txLink = (h: string) => link(`tx/${h}`, h);
export const addrLink = (a: string | null) => (a ? link(`address/${a}`, a) : '—');

/** Wei as ether with up to 6 decimals, exact for the integer part. */
export function ether(wei: bigint): string {
  const whole = wei / 10n ** 18n;
  const frac = (wei % 10n ** 18n).toString().padStart(18, '0').slice(0, 6).replace(/0+$/, '');
  return `${whole}${frac ? '.' + frac : ''} ETH`;
}

export function gwei(wei: bigint): string {
  const whole = wei / 10n ** 9n;
  const frac = (wei % 10n ** 9n).toString().padStart(9, '0').replace(/0+$/, '');
  return `${whole}${frac ? '.' + frac : ''} gwei`;
}

export function percent(part: bigint, whole: bigint): string {
  if (whole === 0n) return '0%';
  return `${(Number((part * 10000n) / whole) / 100).toFixed(2)}%`;
}

export function rows(pairs: [string, string, string?][]): string {
  return `<table>${pairs.map(([k, v, id]) =>
    `<tr><th>${esc(k)}</th><td${id ? ` data-testid="${id}"` : ''}>${v}</td></tr>`).join('')}</table>`;
}

export function table(head: string[], body: string[][], testid = ''): string {
  return `<table${testid ? ` data-testid="${testid}"` : ''}><thead><tr>${head.map((h) => `<th>${esc(h)}</th>`).join('')}</tr></thead>`
    + `<tbody>${body.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('')}</tbody></table>`;
}

export function card(label: string, value: string, testid: string): string {
  return `<div class="card"><div class="label">${esc(label)}</div><div class="value" data-testid="${testid}">${value}</div></div>`;
}

export function ago(seconds: number): string {
  const d = Math.max(0, Math.round(Date.now() / 1000 - seconds));
  return d < 60 ? `${d}s ago` : d < 3600 ? `${Math.floor(d / 60)}m ago` : `${Math.floor(d / 3600)}h ago`;
}
