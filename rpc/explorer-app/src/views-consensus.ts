// Address, Validators, Slashing and Token views.
import { batch, call, hex, num, big } from './rpc';
import { bytes, toHex } from './proof';
import { esc, rows, table, blockLink, txLink, addrLink, ether, percent, link } from './ui';

function validatorRows(report: any, metrics: any): string[][] {
  const total = (report.validators as any[]).reduce((s, v) => s + big(v.votingPower), 0n);
  const byAddress = new Map((metrics?.validators ?? []).map((m: any) => [m.address, m]));
  return (report.validators as any[]).map((v) => {
    const m: any = byAddress.get(v.address);
    return [addrLink(v.address), esc(v.status), percent(big(v.votingPower), total), ether(big(v.bonded)),
      ether(big(v.unbonding)), v.jailedUntil ? blockLink(num(v.jailedUntil)) : '—',
      `${num(v.missedLeaderSlots)} / ${num(metrics?.jailingThreshold)}`,
      `${num(v.voteParticipation.signed)} / ${num(v.voteParticipation.total)}`,
      m ? `${num(m.qcInclusions)} / ${num(m.qcOpportunities)}` : '—'];
  });
}

const VALIDATOR_HEAD = ['Address', 'Status', 'Voting power', 'Bonded', 'Unbonding', 'Jailed until',
  'Missed leader slots / jailing threshold', 'QC participation (last 100 QCs)', 'QCs signed (window)'];

export async function address(view: HTMLElement, addr: string): Promise<void> {
  if (!/^0x[0-9a-fA-F]{40}$/.test(addr)) { view.innerHTML = `<p class="error">Not an address: ${esc(addr)}</p>`; return; }
  const a = addr.toLowerCase();
  const [balance, nonce, validators] = await batch([
    ['eth_getBalance', [a, 'latest']], ['eth_getTransactionCount', [a, 'latest']], ['bulwark_validators', ['latest']]]);
  const v = (validators.validators as any[]).find((x) => x.address === a);
  let history = '<p data-testid="address-txs">This node keeps no address index: its transactions cannot be listed.</p>';
  const before = Number(new URLSearchParams(location.search).get('before') ?? 0);
  try {
    const page = await call('ots_searchTransactionsBefore', [a, before, 25]);
    const oldest = page.txs.length ? num(page.txs[page.txs.length - 1].blockNumber) : 0;
    history = table(['Hash', 'Block', 'From', 'To', 'Value'], page.txs.map((t: any) =>
      [txLink(t.hash), blockLink(num(t.blockNumber)), addrLink(t.from), addrLink(t.to), ether(big(t.value))]), 'address-txs')
      + `<p>${page.firstPage ? '' : `<a href="/explorer/address/${a}" data-link>Newest</a> `}${
        page.lastPage ? '' : `<a href="/explorer/address/${a}?before=${oldest}" data-link data-testid="address-older">Older</a>`}</p>`;
  } catch {
    // No ots_ search on this node: the note above stays.
  }
  view.innerHTML = `<section><h2>Address <span class="mono" data-testid="address">${esc(a)}</span></h2>${rows([
    ['Balance', ether(big(balance)), 'address-balance'],
    ['Balance (wei)', big(balance).toString(), 'address-balance-wei'],
    ['Nonce', String(num(nonce)), 'address-nonce'],
  ])}</section>${v ? `<section data-testid="address-validator"><h2>Validator</h2>${table(VALIDATOR_HEAD, validatorRows({ validators: [v] }, null))}</section>` : ''}
  <section><h2>Transactions</h2>${history}</section>`;
}

/** One cell per block: signed its certificate, absent from it, or missed a leader slot. */
async function signingGrid(head: number, members: string[]): Promise<string> {
  const from = Math.max(1, head - 99);
  const numbers = Array.from({ length: head - from + 1 }, (_, i) => from + i);
  const per = await batch(numbers.map((n) => ['bulwark_signerMetrics', [hex(n), hex(n)]] as [string, unknown[]]));
  const lines = members.map((a) => {
    const cells = per.map((m: any, i: number) => {
      const x = (m.validators as any[]).find((v) => v.address === a);
      const cls = !x ? 'none' : num(x.missedLeaderSlots) > 0 ? 'missed'
        : num(x.qcInclusions) > 0 ? 'signed' : num(x.qcOpportunities) > 0 ? 'absent' : 'none';
      return `<span class="${cls}" title="block ${numbers[i]}: ${cls}"></span>`;
    }).join('');
    return `<tr><td>${addrLink(a)}</td><td><div class="grid" data-address="${a}">${cells}</div></td></tr>`;
  });
  return `<p>Blocks ${from}–${head}: green signed the certificate the block carries, amber absent from it, red missed its leader slot.</p><table data-testid="signing-grid" data-from="${from}" data-to="${head}">${lines.join('')}</table>`;
}

export async function validators(view: HTMLElement): Promise<void> {
  const [report, metrics] = await batch([['bulwark_validators', ['latest']], ['bulwark_signerMetrics', []]]);
  const all = report.validators as any[];
  const active = all.filter((v) => v.status === 'active');
  const others = all.filter((v) => v.status !== 'active');
  view.innerHTML = `<section><h2>Active set of epoch <span data-testid="validators-epoch">${num(report.epoch)}</span> (block ${num(report.blockNumber)})</h2>
    ${table(VALIDATOR_HEAD, validatorRows({ validators: active }, metrics), 'validators-active')}</section>
    <section><h2>Jailed, unbonding and inactive</h2>${table(VALIDATOR_HEAD, validatorRows({ validators: others }, metrics), 'validators-other')}</section>
    <section><h2>Signing grid, last 100 blocks</h2><div id="grid">loading…</div></section>`;
  document.getElementById('grid')!.innerHTML = await signingGrid(num(report.blockNumber), all.map((v) => v.address));
}

/** The RLP list items of a signing message (a flat list of strings), as hex. */
function rlpItems(h: string): string[] {
  const b = bytes(h);
  let at = b[0] >= 0xf8 ? 1 + (b[0] - 0xf7) : 1;
  const out: string[] = [];
  while (at < b.length) {
    const p = b[at];
    let start = at + 1;
    let len = 0;
    if (p < 0x80) { start = at; len = 1; } else if (p < 0xb8) { len = p - 0x80; } else {
      const ll = p - 0xb7;
      len = Number(BigInt(toHex(b.subarray(at + 1, at + 1 + ll))));
      start = at + 1 + ll;
    }
    out.push(toHex(b.subarray(start, start + len)));
    at = start + len;
  }
  return out;
}

const VOTE_FIELDS = ['domain', 'chainId', 'epoch', 'round', 'blockId', 'parentId', 'parentRound'];

function sideBySide(e: any): string {
  const a = rlpItems(e.messageA.signingBytes);
  const b = rlpItems(e.messageB.signingBytes);
  const lines = Array.from({ length: Math.max(a.length, b.length) }, (_, i) => {
    const cls = a[i] !== b[i] ? ' class="diff"' : '';
    return `<tr><th>${esc(e.kind === 'vote' ? VOTE_FIELDS[i] ?? `field ${i}` : `field ${i}`)}</th><td${cls}><span class="mono">${esc(a[i] ?? '')}</span></td><td${cls}><span class="mono">${esc(b[i] ?? '')}</span></td></tr>`;
  });
  return `<table data-testid="evidence-diff"><thead><tr><th></th><th>Message A</th><th>Message B</th></tr></thead><tbody>${lines.join('')}
    <tr><th>signature</th><td class="mono">${esc(e.messageA.signature)}</td><td class="mono">${esc(e.messageB.signature)}</td></tr></tbody></table>`;
}

export async function slashing(view: HTMLElement): Promise<void> {
  const events: any[] = await call('bulwark_slashingEvents', ['0x0', 'latest']);
  view.innerHTML = `<section><h2>Slashing and jailing events (<span data-testid="slashing-count">${events.length}</span>)</h2>
    ${events.length ? '' : '<p>No validator has been slashed or jailed.</p>'}
    ${events.map((e) => `<section data-testid="slashing-event"><h3>${esc(e.reason)} — ${addrLink(e.address)}</h3>${rows([
      ['Block', blockLink(num(e.blockNumber))],
      ['Slashed from bonded', ether(big(e.amountFromBonded)), 'slash-bonded'],
      ['Slashed from unbonding', ether(big(e.amountFromUnbonding))],
      ['Jailed until block', e.jailedUntil ? String(num(e.jailedUntil)) : '—'],
      ['Evidence', e.evidenceId ? `<span class="mono">${esc(e.evidenceId)}</span>` : 'none (inactivity)'],
    ])}${e.evidence ? sideBySide(e.evidence) : ''}</section>`).join('')}</section>`;
}

export function token(view: HTMLElement, addr: string): void {
  view.innerHTML = `<section><h2>Token</h2><p data-testid="token-note">Bulwark has no tokens: its only asset is the native coin. ${
    /^0x[0-9a-fA-F]{40}$/.test(addr) ? `See the ${link(`address/${addr}`, 'address ' + addr)}.` : ''}</p></section>`;
}
