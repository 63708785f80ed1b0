// Checks a bulwark_getCommitProof answer in the browser: the epoch-change chain from the genesis
// set, then the block's QC (signing bytes rebuilt here, never taken from the node), with
// BLS12-381 (min-pk: keys in G1, signatures in G2) from @noble/curves.
import { bls12_381 } from '@noble/curves/bls12-381.js';
import { keccak_256 } from '@noble/hashes/sha3.js';
import { sha256 } from '@noble/hashes/sha2.js';

const DST = 'BLS_SIG_BLS12381G2_XMD:SHA-256_SSWU_RO_POP_';
const bls = bls12_381.longSignatures;

export interface Member { address: string; blsPublicKey: string; votingPower: bigint }
export interface TrustedSet { epoch: number; members: Member[] }
export interface Verdict {
  ok: boolean;
  reason?: string;
  epoch: number;
  signers: string[];
  power: bigint;
  total: bigint;
  quorum: bigint;
  epochChanges: number;
}

export function bytes(h: string): Uint8Array {
  if (!/^0x([0-9a-fA-F]{2})*$/.test(h)) throw new ProofError('malformed', `not hex: ${h.slice(0, 20)}`);
  const out = new Uint8Array((h.length - 2) / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(h.substr(2 + 2 * i, 2), 16);
  return out;
}

export function toHex(b: Uint8Array): string {
  return '0x' + Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
}

export class ProofError extends Error {
  constructor(readonly reason: string, detail: string) {
    super(`${reason}: ${detail}`);
  }
}

// RLP encoding of the vote: ["vote", chainId, epoch, round, blockId, parentId, parentRound].
function rlpBytes(b: Uint8Array): Uint8Array {
  if (b.length === 1 && b[0] < 0x80) return b;
  return concat(rlpLength(b.length, 0x80), b);
}
function rlpLength(len: number, offset: number): Uint8Array {
  if (len < 56) return Uint8Array.of(offset + len);
  const be = uintBytes(BigInt(len));
  return concat(Uint8Array.of(offset + 55 + be.length), be);
}
function uintBytes(n: bigint): Uint8Array {
  if (n === 0n) return new Uint8Array();
  let h = n.toString(16);
  if (h.length % 2) h = '0' + h;
  return bytes('0x' + h);
}
function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((s, p) => s + p.length, 0));
  let at = 0;
  for (const p of parts) { out.set(p, at); at += p.length; }
  return out;
}
export function voteSigningBytes(chainId: bigint, epoch: bigint, round: bigint, blockId: string,
  parentId: string, parentRound: bigint): Uint8Array {
  const items = [new TextEncoder().encode('vote'), uintBytes(chainId), uintBytes(epoch),
    uintBytes(round), bytes(blockId), bytes(parentId), uintBytes(parentRound)].map(rlpBytes);
  const payload = concat(...items);
  return concat(rlpLength(payload.length, 0xc0), payload);
}

/** The parent hash of an RLP header (its second item: [number, parentHash, ...]). */
function parentHashOf(header: Uint8Array): string {
  let at = header[0] >= 0xf8 ? 1 + (header[0] - 0xf7) : 1;
  const first = header[at];
  at += first < 0x80 ? 1 : 1 + (first - 0x80);
  if (header[at] !== 0xa0) throw new ProofError('malformed', 'a header has no parent hash');
  return toHex(header.subarray(at + 1, at + 33));
}

function signerIndexes(bitmap: string, size: number): number[] {
  const b = bytes(bitmap);
  if (b.length !== Math.ceil(size / 8)) throw new ProofError('malformed', 'signer bitmap size');
  const out: number[] = [];
  for (let i = 0; i < b.length * 8; i++) {
    if (b[i >> 3] & (1 << (i & 7))) {
      if (i >= size) throw new ProofError('malformed', `signer bit ${i} past the set of ${size}`);
      out.push(i);
    }
  }
  return out;
}

export function quorumOf(total: bigint): bigint {
  return (2n * total) / 3n + 1n;
}

/** Checks one finality claim (headers + QC) under {@code set}; returns signers and power. */
function checkFinality(node: any, set: TrustedSet, chainId: bigint) {
  const headers: Uint8Array[] = node.headers.map(bytes);
  if (headers.length === 0) throw new ProofError('block hash mismatch', 'no headers');
  if (toHex(keccak_256(headers[0])) !== node.blockHash.toLowerCase()) {
    throw new ProofError('block hash mismatch', 'the first header does not hash to the block');
  }
  for (let i = 1; i < headers.length; i++) {
    if (parentHashOf(headers[i]) !== toHex(keccak_256(headers[i - 1]))) {
      throw new ProofError('block hash mismatch', `header ${i} is not the child of header ${i - 1}`);
    }
  }
  const qc = node.qc;
  const last = toHex(keccak_256(headers[headers.length - 1]));
  if (qc.parentHash.toLowerCase() !== last) {
    throw new ProofError('block hash mismatch', 'the QC does not commit the last header');
  }
  const round = BigInt(qc.round);
  const parentRound = BigInt(qc.parentRound);
  if (round !== parentRound + 1n) throw new ProofError('not a commit', 'QC round is not parent round + 1');
  if (BigInt(qc.epoch) !== BigInt(set.epoch)) {
    throw new ProofError('unknown epoch', `QC of epoch ${BigInt(qc.epoch)}, trusted set of epoch ${set.epoch}`);
  }
  const indexes = signerIndexes(qc.signersBitmap, set.members.length);
  const total = set.members.reduce((s, m) => s + m.votingPower, 0n);
  const power = indexes.reduce((s, i) => s + set.members[i].votingPower, 0n);
  const quorum = quorumOf(total);
  const signers = indexes.map((i) => set.members[i].address);
  if (power < quorum) {
    throw Object.assign(new ProofError('power below quorum', `${power} < ${quorum}`), { signers, power, total, quorum });
  }
  const message = voteSigningBytes(chainId, BigInt(set.epoch), round, qc.blockHash, qc.parentHash, parentRound);
  let valid = false;
  try {
    const key = bls.aggregatePublicKeys(indexes.map((i) => bytes(set.members[i].blsPublicKey)));
    valid = bls.verify(bytes(qc.aggregateSignature), bls.hash(message, DST), key);
  } catch {
    valid = false; // a signature that is no curve point fails like a wrong one
  }
  if (!valid) {
    throw Object.assign(new ProofError('bad aggregate signature', 'the BLS aggregate does not verify'),
      { signers, power, total, quorum });
  }
  return { signers, power, total, quorum };
}

/** Sets this page has established, by epoch (the genesis set is epoch 1's). */
const trusted = new Map<number, TrustedSet>();

export function setGenesis(set: TrustedSet) {
  trusted.clear();
  trusted.set(1, set);
}

export function trustedSet(epoch: number): TrustedSet | undefined {
  return trusted.get(epoch);
}

/** Verifies a commit proof; never throws, the verdict says why it failed. */
export function verifyCommitProof(proof: any, chainId: bigint): Verdict {
  const epoch = Number(BigInt(proof.epoch));
  let walked = 0;
  try {
    let set = trusted.get(1)!;
    for (const [e, s] of trusted) if (e <= epoch && e > set.epoch) set = s;
    for (const step of proof.epochChangeProofs as any[]) {
      const e = Number(BigInt(step.epoch));
      if (e < set.epoch) continue; // already established from an earlier proof
      if (e >= epoch) break;
      if (e !== set.epoch) throw new ProofError('broken epoch chain', `proof for epoch ${e}, chain at ${set.epoch}`);
      checkFinality(step, set, chainId);
      set = provenNextSet(step, bytes(step.headers[0]), e);
      trusted.set(set.epoch, set);
      walked++;
    }
    if (set.epoch !== epoch) throw new ProofError('unknown epoch', `the epoch chain reaches ${set.epoch}, not ${epoch}`);
    const r = checkFinality(proof, set, chainId);
    return { ok: true, epoch, epochChanges: walked, ...r };
  } catch (e: any) {
    return {
      ok: false, reason: e.message ?? String(e), epoch, epochChanges: walked,
      signers: e.signers ?? [], power: e.power ?? 0n, total: e.total ?? 0n, quorum: e.quorum ?? 0n,
    };
  }
}

// --- The next set's binding: a Merkle proof under the epoch-ending block's state root. ---

type Rlp = Uint8Array | Rlp[];

/** Decodes one RLP item (strict enough for display-independent checks; throws on overrun). */
export function rlpDecode(b: Uint8Array): Rlp {
  const [item, end] = rlpItem(b, 0);
  if (end !== b.length) throw new ProofError('malformed', 'trailing RLP bytes');
  return item;
}
function rlpItem(b: Uint8Array, at: number): [Rlp, number] {
  const p = b[at];
  if (p === undefined) throw new ProofError('malformed', 'RLP past its end');
  if (p < 0x80) return [b.subarray(at, at + 1), at + 1];
  const isList = p >= 0xc0;
  const base = isList ? 0xc0 : 0x80;
  let len = p - base;
  let start = at + 1;
  if (len > 55) {
    const ll = len - 55;
    len = Number(BigInt(toHex(b.subarray(at + 1, at + 1 + ll))));
    start = at + 1 + ll;
  }
  const end = start + len;
  if (end > b.length) throw new ProofError('malformed', 'RLP past its end');
  if (!isList) return [b.subarray(start, end), end];
  const items: Rlp[] = [];
  for (let i = start; i < end;) { const [x, next] = rlpItem(b, i); items.push(x); i = next; }
  return [items, end];
}
const asBytes = (x: Rlp): Uint8Array => { if (Array.isArray(x)) throw new ProofError('malformed', 'RLP list where bytes expected'); return x; };
const asList = (x: Rlp): Rlp[] => { if (!Array.isArray(x)) throw new ProofError('malformed', 'RLP bytes where a list expected'); return x; };
const uint = (x: Rlp): bigint => { const b = asBytes(x); return b.length ? BigInt(toHex(b)) : 0n; };

function equal(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** The state tree's proof check (ledger ProofVerifier): SHA-256 nodes, 16-ary, leaf = 0x00|key|value. */
export function merkleVerify(root: Uint8Array, key: Uint8Array, value: Uint8Array, nodes: Uint8Array[]): boolean {
  let expected = root;
  let expectLeaf: boolean | undefined;
  for (let depth = 0; depth < nodes.length; depth++) {
    const enc = nodes[depth];
    if (!equal(sha256(enc), expected) || enc.length === 0) return false;
    const isLeaf = enc[0] === 0x00;
    if (expectLeaf !== undefined && expectLeaf !== isLeaf) return false;
    const last = depth === nodes.length - 1;
    if (isLeaf) {
      return last && enc.length >= 33 && equal(enc.subarray(1, 33), key) && equal(enc.subarray(33), value);
    }
    if (enc[0] !== 0x01 || enc.length < 5 || depth >= 64) return false;
    const childMask = (enc[1] << 8) | enc[2];
    const leafMask = (enc[3] << 8) | enc[4];
    const nibble = (depth & 1) === 0 ? key[depth >> 1] >> 4 : key[depth >> 1] & 0x0f;
    if (!(childMask & (1 << nibble)) || last) return false;
    let index = 0;
    for (let i = 0; i < nibble; i++) if (childMask & (1 << i)) index++;
    expected = enc.subarray(5 + 32 * index, 5 + 32 * (index + 1));
    expectLeaf = (leafMask & (1 << nibble)) !== 0;
  }
  return false;
}

/**
 * The set of epoch {@code e + 1} that epoch {@code e}'s ending block stores, proven under that
 * block's state root: its entry [startBlock, [epoch, [[address, blsKey, nodeKey, power]...]]].
 */
export function provenNextSet(step: any, endHeader: Uint8Array, e: number): TrustedSet {
  const header = asList(rlpDecode(endHeader));
  const stateRoot = asBytes(header[10]);
  const endNumber = uint(header[0]);
  if (uint(header[4]) !== BigInt(e)) throw new ProofError('broken epoch chain', `block ${endNumber} is not of epoch ${e}`);
  const slot = step.nextValidatorSetProof;
  const value = bytes(slot.value);
  if (!merkleVerify(stateRoot, bytes(slot.stateKey), value, slot.merkleProof.map(bytes))) {
    throw new ProofError('broken epoch chain', `the set of epoch ${e + 1} is not proven in the state of block ${endNumber}`);
  }
  const entry = asList(rlpDecode(value));
  const set = asList(entry[1]);
  if (uint(entry[0]) !== endNumber + 1n || uint(set[0]) !== BigInt(e + 1)) {
    throw new ProofError('broken epoch chain', `block ${endNumber} stores no set of epoch ${e + 1}`);
  }
  return {
    epoch: e + 1,
    members: asList(set[1]).map((v) => {
      const m = asList(v);
      return { address: toHex(asBytes(m[0])), blsPublicKey: toHex(asBytes(m[1])), votingPower: uint(m[3]) };
    }),
  };
}
