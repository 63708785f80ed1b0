// The explorer in a real browser: Debian's chromium, headless, driven by playwright-core (which
// downloads no browser). Every view is opened by deep link; the numbers it shows are compared
// with the node's own JSON-RPC answers. Usage:
//   node test/browser.mjs --url http://127.0.0.1:PORT --chromium /usr/bin/chromium --out DIR
//        --transfer TXHASH --staking TXHASH --address ADDR
// Exit 0 when every check passed; 1 with every failed check listed. DIR gets a screenshot per
// view and figures.json (first-render times).
import { chromium } from 'playwright-core';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const args = Object.fromEntries(process.argv.slice(2).reduce((acc, a, i, all) =>
  (a.startsWith('--') ? [...acc, [a.slice(2), all[i + 1]]] : acc), []));
const base = args.url.replace(/\/$/, '');
mkdirSync(args.out, { recursive: true });
const failures = [];
const figures = {};

async function rpc(method, params = []) {
  const r = await fetch(base + '/', {
    method: 'POST', headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ jsonrpc: '2.0', id: 1, method, params }),
  });
  const body = await r.json();
  if (body.error) throw new Error(`${method}: ${body.error.message}`);
  return body.result;
}

function check(name, actual, expected) {
  if (String(actual) !== String(expected)) failures.push(`${name}: shown ${JSON.stringify(actual)}, node says ${JSON.stringify(expected)}`);
}

function ether(wei) {
  const whole = wei / 10n ** 18n;
  const frac = (wei % 10n ** 18n).toString().padStart(18, '0').slice(0, 6).replace(/0+$/, '');
  return `${whole}${frac ? '.' + frac : ''} ETH`;
}

const browser = await chromium.launch({
  executablePath: args.chromium, headless: true, args: ['--no-sandbox', '--disable-gpu'],
});
const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
const page = await context.newPage();
const consoleErrors = [];
page.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(m.text()); });
page.on('pageerror', (e) => consoleErrors.push(String(e)));

/** Opens a deep link in a fresh load and waits for the view's first render. */
async function open(path, name) {
  await page.goto(base + path, { waitUntil: 'load' });
  await page.waitForSelector('#view[data-ready=true]', { timeout: 30000 });
  const error = await page.$('[data-testid=view-error]');
  if (error) failures.push(`${name}: view error ${await error.textContent()}`);
  figures[name] = await page.evaluate(() => ({
    renderMs: Number(document.getElementById('view').dataset.renderMs),
    loadMs: Math.round(performance.getEntriesByType('navigation')[0].loadEventEnd),
  }));
}
const text = async (id) => (await page.textContent(`[data-testid=${id}]`))?.trim();
const shot = (name) => page.screenshot({ path: join(args.out, `${name}.png`), fullPage: true });

try {
  // Home: the head as the node reports it, then live updates without a reload.
  const before = Number(BigInt(await rpc('eth_blockNumber')));
  await open('/explorer', 'home');
  const shown = Number(await text('head-number'));
  const after = Number(BigInt(await rpc('eth_blockNumber')));
  if (shown < before || shown > after) failures.push(`home: head ${shown} outside ${before}..${after}`);
  const headBlock = await rpc('eth_getBlockByNumber', [`0x${shown.toString(16)}`, false]);
  check('home: epoch', await text('epoch'), Number(BigInt(headBlock.epoch)));
  await page.waitForFunction((h) => Number(document.querySelector('[data-testid=head-number]').textContent) > h,
    shown, { timeout: 20000 }).catch(() => failures.push('home: the live head did not advance'));
  await page.waitForFunction(() => document.querySelector('[data-testid=tps]').textContent !== '…', null, { timeout: 20000 });
  await shot('home');

  // Block with the transfer: header fields, commit proof figures and the verified badge.
  const receipt = await rpc('eth_getTransactionReceipt', [args.transfer]);
  const n = Number(BigInt(receipt.blockNumber));
  const block = await rpc('eth_getBlockByNumber', [receipt.blockNumber, false]);
  const proof = await rpc('bulwark_getCommitProof', [receipt.blockNumber]);
  await open(`/explorer/block/${n}`, 'block');
  check('block: number', await text('block-number'), n);
  check('block: hash', await text('block-hash'), block.hash);
  check('block: proposer', await text('block-proposer'), block.miner);
  check('block: round', await text('block-round'), Number(BigInt(block.round)));
  check('block: transactions', await text('block-tx-count'), block.transactions.length);
  await page.waitForSelector('[data-testid=badge].verified, [data-testid=badge].failed', { timeout: 30000 });
  check('block: badge', await text('badge'), '✔ Verified in your browser');
  check('block: signers', await text('proof-signers'), proof.signers.length);
  check('block: signed power', await text('proof-power'), BigInt(proof.signedPower));
  check('block: total power', await text('proof-total'), BigInt(proof.totalPower));
  check('block: threshold', await text('proof-threshold'), BigInt(proof.quorumThreshold));
  figures.epochChangesVerified = proof.epochChangeProofs.length;
  await shot('block');

  // A block two epoch changes after genesis, opened fresh: the page walks the epoch chain itself.
  const late = Number(BigInt(await rpc('eth_blockNumber'))) - 2;
  const lateProof = await rpc('bulwark_getCommitProof', [`0x${late.toString(16)}`]);
  const lateBlock = await rpc('eth_getBlockByNumber', [`0x${late.toString(16)}`, false]);
  if (lateProof.epochChangeProofs.length < 2) failures.push(`block ${late}: only ${lateProof.epochChangeProofs.length} epoch changes`);
  await open(`/explorer/block/${late}`, 'block-late');
  await page.waitForSelector('[data-testid=badge].verified, [data-testid=badge].failed', { timeout: 30000 });
  check(`block ${late}: badge`, await text('badge'), '✔ Verified in your browser');
  check(`block ${late}: epoch changes verified`, await text('badge-epoch-changes'), lateProof.epochChangeProofs.length);
  figures.epochChangesVerified = lateProof.epochChangeProofs.length;
  await shot('block-late');

  // The same block by hash, its proof tampered with in flight: the badge must fail loudly.
  async function tampered(name, change, reason) {
    await page.route(base + '/', async (route) => {
      const request = route.request();
      if (request.method() !== 'POST' || !request.postData()?.includes('bulwark_getCommitProof')) return route.continue();
      const response = await route.fetch();
      const body = await response.json();
      for (const answer of Array.isArray(body) ? body : [body]) if (answer.result?.qc) change(answer.result);
      await route.fulfill({ response, json: body });
    });
    await open(`/explorer/block/${lateBlock.hash}`, name);
    await page.waitForSelector('[data-testid=badge].verified, [data-testid=badge].failed', { timeout: 30000 });
    const badge = await text('badge');
    if (!badge.startsWith(`✘ Proof FAILED verification: ${reason}`)) failures.push(`${name}: badge says ${badge}`);
    await shot(name);
    await page.unroute(base + '/');
  }
  const flip = (h, at) => h.slice(0, at) + (h[at] === '0' ? '1' : '0') + h.slice(at + 1);
  await tampered('block-tampered-signature', (p) => { p.qc.aggregateSignature = flip(p.qc.aggregateSignature, 20); }, 'bad aggregate signature');
  await tampered('block-tampered-epoch-change', (p) => {
    const step = p.epochChangeProofs[1];
    step.qc.aggregateSignature = flip(step.qc.aggregateSignature, 30);
  }, 'bad aggregate signature');
  await tampered('block-tampered-next-set', (p) => {
    const slot = p.epochChangeProofs[1].nextValidatorSetProof;
    slot.value = flip(slot.value, 90);
  }, 'broken epoch chain');
  await tampered('block-tampered-bitmap', (p) => { p.qc.signersBitmap = '0x01'; }, 'power below quorum');
  await tampered('block-tampered-hash', (p) => { p.blockHash = lateBlock.parentHash; }, 'block hash mismatch');

  // Transfer and staking call.
  const tx = await rpc('eth_getTransactionByHash', [args.transfer]);
  await open(`/explorer/tx/${args.transfer}`, 'tx');
  check('tx: status', await text('tx-status'), 'success');
  check('tx: block', await text('tx-block'), n);
  check('tx: from', await text('tx-from'), tx.from);
  check('tx: value', await text('tx-value'), ether(BigInt(tx.value)));
  check('tx: gas used', await text('tx-gas-used'), BigInt(receipt.gasUsed));
  const burned = BigInt(receipt.gasUsed) * BigInt(block.baseFeePerGas);
  check('tx: burned', await text('tx-burned'), ether(burned));
  check('tx: fee', await text('tx-fee'), ether(BigInt(receipt.gasUsed) * BigInt(receipt.effectiveGasPrice)));
  await shot('tx');
  const stakingReceipt = await rpc('eth_getTransactionReceipt', [args.staking]);
  await open(`/explorer/tx/${args.staking}`, 'tx-staking');
  check('staking tx: status', await text('tx-status'), stakingReceipt.status === '0x1' ? 'success' : 'failed');
  const call = await text('tx-call');
  if (!call.startsWith('stake(')) failures.push(`staking tx: call shown as ${call}`);
  const logs = await text('tx-logs');
  if (!logs.includes('Staked(validator=')) failures.push(`staking tx: logs shown as ${logs}`);
  await shot('tx-staking');

  // Address.
  await open(`/explorer/address/${args.address}`, 'address');
  check('address: balance', await text('address-balance-wei'), BigInt(await rpc('eth_getBalance', [args.address, 'latest'])));
  check('address: nonce', await text('address-nonce'), Number(BigInt(await rpc('eth_getTransactionCount', [args.address, 'latest']))));
  const history = await rpc('ots_searchTransactionsBefore', [args.address, 0, 25]);
  const rows = await page.$$eval('[data-testid=address-txs] tbody tr td:first-child', (c) => c.map((x) => x.textContent.trim()));
  check('address: transactions', JSON.stringify(rows), JSON.stringify(history.txs.map((t) => t.hash)));
  if (!rows.includes(args.transfer)) failures.push('address: the transfer is not listed');
  await shot('address');

  // Validators and the signing grid.
  const validators = await rpc('bulwark_validators', ['latest']);
  await open('/explorer/validators', 'validators');
  await page.waitForSelector('[data-testid=signing-grid]', { timeout: 30000 });
  const activeRows = await page.$$eval('[data-testid=validators-active] tbody tr', (r) => r.length);
  check('validators: active', activeRows, validators.validators.filter((v) => v.status === 'active').length);
  const gridRows = await page.$$eval('[data-testid=signing-grid] tr', (r) => r.length);
  check('validators: grid rows', gridRows, validators.validators.length);
  const cells = await page.$$eval('[data-testid=signing-grid] tr:first-child .grid span', (c) => c.length);
  const gridTo = Number(await page.getAttribute('[data-testid=signing-grid]', 'data-to'));
  check('validators: grid columns', cells, Math.min(100, gridTo));
  // Each cell against the node: block gridTo's column from its own signer metrics.
  const last = await rpc('bulwark_signerMetrics', [`0x${gridTo.toString(16)}`, `0x${gridTo.toString(16)}`]);
  for (const v of validators.validators) {
    const m = last.validators.find((x) => x.address === v.address);
    const expected = !m ? 'none' : Number(m.missedLeaderSlots) > 0 ? 'missed' : Number(m.qcInclusions) > 0 ? 'signed'
      : Number(m.qcOpportunities) > 0 ? 'absent' : 'none';
    const shownCell = await page.getAttribute(`[data-testid=signing-grid] .grid[data-address="${v.address}"] span:last-child`, 'class');
    check(`validators: grid cell of ${v.address} at block ${gridTo}`, shownCell, expected);
  }
  const signed = await page.$$eval('[data-testid=signing-grid] .signed', (c) => c.length);
  if (signed === 0) failures.push('validators: no signed cell in the grid');
  await shot('validators');

  // Slashing, with a constructed equivocation (two votes of one round for different blocks).
  const events = await rpc('bulwark_slashingEvents', ['0x0', 'latest']);
  await open('/explorer/slashing', 'slashing');
  check('slashing: count', await text('slashing-count'), events.length);
  await page.route(base + '/', async (route) => {
    if (!route.request().postData()?.includes('bulwark_slashingEvents')) return route.continue();
    // RLP ["vote", 1337, 3, 5, blockId, parentId, 4]: only blockId differs.
    const vote = (blockByte) => `0xf84d84766f74658205390305a0${blockByte.repeat(32)}a0${'22'.repeat(32)}04`;
    const evidence = {
      id: '0x' + '77'.repeat(32), validator: validators.validators[0].address, kind: 'vote',
      reason: 'equivocation-vote', epoch: '0x3', round: '0x5', chainId: '0x539',
      messageA: { signingBytes: vote('aa'), signature: '0x' + '0a'.repeat(96) },
      messageB: { signingBytes: vote('bb'), signature: '0x' + '0b'.repeat(96) },
    };
    await route.fulfill({ json: [{ jsonrpc: '2.0', id: JSON.parse(route.request().postData())[0].id, result: [{
      address: evidence.validator, reason: 'equivocation-vote', amountFromBonded: '0xde0b6b3a7640000',
      amountFromUnbonding: '0x0', blockNumber: '0x6', blockHash: '0x' + '66'.repeat(32), jailedUntil: '0x40',
      evidenceId: evidence.id, evidence }] }] });
  });
  await open('/explorer/slashing', 'slashing-constructed');
  check('slashing: constructed event', await text('slashing-count'), 1);
  check('slashing: amount', await text('slash-bonded'), '1 ETH');
  const differing = await page.$$eval('[data-testid=evidence-diff] td.diff', (c) => c.length);
  check('slashing: highlighted cells (blockId in A and B)', differing, 2);
  await shot('slashing');
  await page.unroute(base + '/');

  // Token page, search and chain.json.
  await open(`/explorer/token/${args.address}`, 'token');
  if (!(await text('token-note')).includes('no tokens')) failures.push('token: no note');
  await page.fill('#search input', String(n));
  await page.press('#search input', 'Enter');
  await page.waitForURL(`**/explorer/block/${n}`, { timeout: 10000 });
  await page.waitForSelector('#view[data-ready=true] [data-testid=block-number]');
  check('search: block', await text('block-number'), n);
  const chainJson = await (await fetch(base + '/chain.json')).json();
  check('chain.json: chainId', chainJson.chainId, await rpc('eth_chainId'));
} catch (e) {
  failures.push(`aborted: ${e.stack ?? e}`);
} finally {
  await browser.close();
}
for (const e of consoleErrors) failures.push(`console error: ${e}`);
writeFileSync(join(args.out, 'figures.json'), JSON.stringify(figures, null, 2));
console.log(JSON.stringify({ figures }, null, 2));
if (failures.length) {
  console.log(`explorer browser suite: ${failures.length} failed check(s):\n` + failures.join('\n'));
  process.exit(1);
}
console.log('explorer browser suite: every check passed');
