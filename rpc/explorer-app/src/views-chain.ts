// Home, Block and Transaction views.
import { batch, call, hex, num, big, onNewHeads } from './rpc';
import { chain, activeSet } from './chain';
import { verifyCommitProof, quorumOf, bytes } from './proof';
import { decodeCall, decodeLog, show, STAKING } from './staking';
import { esc, rows, table, card, blockLink, txLink, addrLink, ether, gwei, percent, ago, link } from './ui';

export type Cleanup = () => void;

function blockRow(b: any): string[] {
  return [blockLink(num(b.number)), ago(num(b.timestamp)), addrLink(b.miner), String(b.transactions.length),
    String(num(b.round)), String(b.skippedRounds.length)];
}

function txRows(blocks: any[]): string[][] {
  const out: string[][] = [];
  for (const b of blocks) for (const t of b.transactions) {
    if (out.length < 10) out.push([txLink(t.hash), blockLink(num(b.number)), addrLink(t.from), addrLink(t.to), ether(big(t.value))]);
  }
  return out;
}

/** Transactions per second over the minute before {@code head} (blocks read in batches). */
async function txPerSecond(head: any): Promise<string> {
  const end = num(head.timestamp);
  let count = 0;
  let n = num(head.number);
  for (let page = 0; page < 6 && n > 0; page++) {
    const numbers = Array.from({ length: Math.min(100, n) }, (_, i) => n - i);
    const blocks = await batch(numbers.map((k) => ['eth_getBlockByNumber', [hex(k), false]] as [string, unknown[]]));
    for (const b of blocks) {
      if (num(b.timestamp) < end - 60) return (count / 60).toFixed(2);
      count += b.transactions.length;
    }
    n -= numbers.length;
  }
  return (count / 60).toFixed(2);
}

export async function home(view: HTMLElement): Promise<Cleanup> {
  const [head, status, validators] = await batch([
    ['eth_getBlockByNumber', ['latest', false]], ['bulwark_consensusStatus', []], ['bulwark_validators', ['latest']]]);
  const top = num(head.number);
  const numbers = Array.from({ length: Math.min(10, top + 1) }, (_, i) => top - i);
  const calls: [string, unknown[]][] = numbers.map((n) => ['eth_getBlockByNumber', [hex(n), true]]);
  const epoch = num(head.epoch);
  if (epoch > 1) calls.push(['bulwark_getEpochChangeProof', ['0x1']]);
  const answers = await batch(calls);
  const blocks = answers.slice(0, numbers.length);
  const epochLength = epoch > 1 ? num(answers[numbers.length][0].blockNumber) : 0;
  const span = blocks.length > 1 ? num(blocks[0].timestamp) - num(blocks[blocks.length - 1].timestamp) : 0;
  const blockTime = blocks.length > 1 ? (span / (blocks.length - 1)).toFixed(2) + ' s' : '—';
  const set = activeSet(validators);
  const total = set.members.reduce((s, m) => s + m.votingPower, 0n);
  let online = 0n;
  if (head.qc) {
    const bitmap = bytes(head.qc.signersBitmap);
    set.members.forEach((m, i) => { if (bitmap[i >> 3] & (1 << (i & 7))) online += m.votingPower; });
  }
  const progress = epochLength ? `${top - (epoch - 1) * epochLength} / ${epochLength}` : 'first epoch';
  const line = total ? Number((quorumOf(total) * 1000n) / total) / 10 : 66.7;
  view.innerHTML = `
    <section><h2>Chain</h2><div class="cards">
      ${card('Head block', `<span data-testid="head-number">${top}</span>`, 'head')}
      ${card('Block time', blockTime, 'block-time')}
      ${card('Transactions/s (last minute)', '<span data-testid="tps">…</span>', 'tps-card')}
      ${card('Epoch', String(epoch), 'epoch')}
      ${card('Epoch progress', progress, 'epoch-progress')}
      ${card('Round', String(num(status.round)), 'round')}
      ${card('Current leader', addrLink(status.currentLeader), 'leader')}
    </div></section>
    <section><h2>Online voting power</h2>
      <p data-testid="online-power">${percent(online, total)} of ${total} signed the head's certificate (quorum ${quorumOf(total)})</p>
      <div class="bar"><span style="width:${total ? Number((online * 1000n) / total) / 10 : 0}%"></span><i style="left:${line}%"></i></div>
    </section>
    <section><h2>Latest blocks <small data-testid="live-status"></small></h2><div id="latest-blocks">${table(['Block', 'Age', 'Proposer', 'Txs', 'Round', 'Skipped'], blocks.map(blockRow), 'latest-blocks')}</div></section>
    <section><h2>Latest transactions</h2>${table(['Hash', 'Block', 'From', 'To', 'Value'], txRows(blocks), 'latest-txs')}</section>`;
  txPerSecond(head).then((t) => { const e = view.querySelector('[data-testid=tps]'); if (e) e.textContent = t; });
  // newHeads only says a block arrived; the rows (with their transaction counts) come from POST,
  // including any block committed between the first render and the subscription.
  let shownHead = top;
  let updating = Promise.resolve();
  return onNewHeads((h) => {
    const n = num(h.number);
    updating = updating.then(async () => {
      if (n <= shownHead) return;
      const from = Math.max(shownHead + 1, n - 9);
      const fresh = await batch(Array.from({ length: n - from + 1 }, (_, i) =>
        ['eth_getBlockByNumber', [hex(from + i), false]] as [string, unknown[]]));
      shownHead = n;
      const e = view.querySelector('[data-testid=head-number]');
      if (e) e.textContent = String(n);
      const body = view.querySelector('#latest-blocks tbody');
      for (const b of fresh) {
        if (!b || !body) continue;
        const tr = document.createElement('tr');
        tr.innerHTML = blockRow(b).map((c) => `<td>${c}</td>`).join('');
        body.prepend(tr);
      }
      while (body && body.children.length > 10) body.lastElementChild!.remove();
    }).catch((err) => {
      const status = view.querySelector('[data-testid=live-status]');
      if (status) status.textContent = `live update failed: ${err.message ?? err}`;
    });
  });
}

export async function block(view: HTMLElement, id: string): Promise<void> {
  const byHash = /^0x[0-9a-fA-F]{64}$/.test(id);
  if (!byHash && !/^\d+$/.test(id)) { view.innerHTML = `<p class="error">Not a block number or hash: ${esc(id)}</p>`; return; }
  const b = await call(byHash ? 'eth_getBlockByHash' : 'eth_getBlockByNumber', [byHash ? id : hex(Number(id)), true]);
  if (!b) { view.innerHTML = `<p class="error">Block ${esc(id)} not found</p>`; return; }
  const n = num(b.number);
  const info = await chain();
  const [proof, slashings] = n === 0 ? [null, []] : await batch([
    ['bulwark_getCommitProof', [hex(n)]], ['bulwark_slashingEvents', [hex(n), hex(n)]]]);
  view.innerHTML = `
    <section><h2>Block <span data-testid="block-number">${n}</span></h2>${rows([
      ['Hash', `<span class="mono">${esc(b.hash)}</span>`, 'block-hash'],
      ['Parent', link(`block/${b.parentHash}`, b.parentHash)],
      ['Time', `${new Date(num(b.timestamp) * 1000).toISOString()} (${ago(num(b.timestamp))})`],
      ['Proposer', addrLink(b.miner), 'block-proposer'],
      ['Epoch', String(num(b.epoch)), 'block-epoch'],
      ['Round', String(num(b.round)), 'block-round'],
      ['Skipped rounds (failed leaders)', b.skippedRounds.length ? b.skippedRounds.map(num).join(', ') : 'none', 'block-skipped'],
      ['Gas used / limit', `${num(b.gasUsed)} / ${num(b.gasLimit)}`, 'block-gas'],
      ['Base fee', gwei(big(b.baseFeePerGas))],
      ['State root', `<span class="mono">${esc(b.stateRoot)}</span>`],
      ['Transactions', String(b.transactions.length), 'block-tx-count'],
    ])}</section>
    <section><h2>Transactions</h2>${table(['Hash', 'From', 'To', 'Value', 'Call'], b.transactions.map((t: any) => [
      txLink(t.hash), addrLink(t.from), addrLink(t.to), ether(big(t.value)),
      t.to?.toLowerCase() === STAKING ? (decodeCall(t.input) ? show(decodeCall(t.input)!) : 'staking') : ''])
      , 'block-txs')}</section>
    <section><h2>Evidence included</h2>${slashings.filter((s: any) => s.evidence).length
      ? table(['Offender', 'Reason', 'Evidence'], slashings.filter((s: any) => s.evidence).map((s: any) =>
        [addrLink(s.address), esc(s.reason), `<span class="mono">${esc(s.evidenceId)}</span>`]), 'block-evidence')
      : '<p data-testid="block-evidence">none</p>'}</section>
    <section id="finality"><h2>Commit proof</h2>${proof ? '<span class="badge pending" data-testid="badge">verifying in your browser…</span>' : '<p>The genesis block is final by definition.</p>'}</section>`;
  if (!proof) return;
  const verdict = verifyCommitProof(proof, info.chainId);
  if (verdict.ok && proof.blockHash.toLowerCase() !== b.hash.toLowerCase()) {
    // A valid proof of another block proves nothing about this one.
    Object.assign(verdict, { ok: false, reason: `block hash mismatch: the proof is for block ${proof.blockHash}` });
  }
  const badge = verdict.ok
    ? `<span class="badge verified" data-testid="badge">✔ Verified in your browser</span>
       <p>The BLS12-381 aggregate signature of ${verdict.signers.length} validators of epoch ${verdict.epoch} verified against keys established by <span data-testid="badge-epoch-changes">${verdict.epochChanges}</span> epoch change(s) checked in this page from the genesis set.</p>`
    : `<span class="badge failed" data-testid="badge">✘ Proof FAILED verification: ${esc(verdict.reason)}</span>
       <p class="error" data-testid="badge-detail">The node served a commit proof for this block that does not verify. Do not treat this block as final on its word.</p>`;
  const signers = new Set(verdict.signers);
  document.getElementById('finality')!.innerHTML = `<h2>Commit proof</h2>${badge}${rows([
    ['Certificate', `QC round ${num(proof.qc.round)} of epoch ${num(proof.qc.epoch)}, committing block ${num(proof.blockNumber)}`],
    ['Signers', `<span data-testid="proof-signers">${proof.signers.length}</span> of the epoch's validators`],
    ['Power', `<span data-testid="proof-power">${big(proof.signedPower)}</span> / <span data-testid="proof-total">${big(proof.totalPower)}</span> (${percent(big(proof.signedPower), big(proof.totalPower))}); threshold <span data-testid="proof-threshold">${big(proof.quorumThreshold)}</span>`],
    ['Epoch changes from genesis', String(proof.epochChangeProofs.length)],
  ])}${table(['Validator', 'Voting power', 'Checked in the aggregate'], proof.signers.map((s: any) =>
    [addrLink(s.address), big(s.votingPower).toString(), signers.has(s.address) ? 'yes' : '—']), 'proof-signer-table')}`;
}

export async function tx(view: HTMLElement, hash: string): Promise<void> {
  const [t, r] = await batch([['eth_getTransactionByHash', [hash]], ['eth_getTransactionReceipt', [hash]]]);
  if (!t) { view.innerHTML = `<p class="error">Transaction ${esc(hash)} not found</p>`; return; }
  const b = r ? await call('eth_getBlockByNumber', [r.blockNumber, false]) : null;
  const gasUsed = big(r?.gasUsed);
  const baseFee = big(b?.baseFeePerGas);
  const price = big(r?.effectiveGasPrice ?? t.gasPrice);
  const decoded = t.to?.toLowerCase() === STAKING ? decodeCall(t.input) : null;
  const logs = (r?.logs ?? []).map((l: any) => { const d = decodeLog(l); return [String(num(l.logIndex)), d ? show(d) : `<span class="mono">${esc(l.topics[0] ?? '')}</span>`]; });
  view.innerHTML = `<section><h2>Transaction</h2>${rows([
    ['Hash', `<span class="mono">${esc(t.hash)}</span>`, 'tx-hash'],
    ['Status', r ? (r.status === '0x1' ? 'success' : `failed${r.revertReason ? ': ' + esc(r.revertReason) : ''}`) : 'pending', 'tx-status'],
    ['Block', r ? blockLink(num(r.blockNumber)) : 'pending', 'tx-block'],
    ['Finality', r ? `final: block ${num(r.blockNumber)} is committed (${link(`block/${num(r.blockNumber)}`, 'see its commit proof')})` : 'not yet in a block'],
    ['From', addrLink(t.from), 'tx-from'],
    ['To', addrLink(t.to), 'tx-to'],
    ['Value', ether(big(t.value)), 'tx-value'],
    ['Nonce', String(num(t.nonce))],
    ['Gas used', gasUsed.toString(), 'tx-gas-used'],
    ['Fee', ether(gasUsed * price), 'tx-fee'],
    ['Burned (base fee)', ether(gasUsed * baseFee), 'tx-burned'],
    ['Tip to proposer', ether(gasUsed * (price - baseFee)), 'tx-tip'],
    ['Staking call', decoded ? show(decoded) : '—', 'tx-call'],
  ])}</section><section><h2>Logs</h2>${table(['#', 'Event'], logs, 'tx-logs')}</section>`;
}
