// The staking module's ABI (ledger/STAKING.md): calls and events, decoded for display.
import { esc } from './ui';

export const STAKING = '0x0000000000000000000000000000000000001000';

type Arg = 'uint256' | 'address' | 'bytes' | 'uint8' | 'bytes32';
const CALLS: Record<string, [string, [string, Arg][]]> = {
  '0xd4380353': ['register', [['blsPublicKey', 'bytes'], ['proofOfPossession', 'bytes'], ['nodePublicKey', 'bytes']]],
  '0x3a4b66f1': ['stake', []],
  '0x2e17de78': ['unstake', [['amount', 'uint256']]],
  '0x3ccfd60b': ['withdraw', []],
  '0xf679d305': ['unjail', []],
  '0xa2f55ae5': ['permit', [['account', 'address']]],
  '0x74a8f103': ['revoke', [['account', 'address']]],
};

// Non-indexed arguments in data order; the first argument of each is the indexed topic 1.
const EVENTS: Record<string, [string, string, [string, Arg][]]> = {
  '0xf968f0f4462bceb92d5d2379cf85bec0a8659cd8918324c8001187ff5795467f': ['Registered', 'validator', [['blsPublicKey', 'bytes'], ['nodePublicKey', 'bytes'], ['amount', 'uint256']]],
  '0x1449c6dd7851abc30abf37f57715f492010519147cc2652fbc38202c18a6ee90': ['Staked', 'validator', [['amount', 'uint256'], ['bonded', 'uint256']]],
  '0x7fc4727e062e336010f2c282598ef5f14facb3de68cf8195c2f23e1454b2b74e': ['Unstaked', 'validator', [['amount', 'uint256'], ['releaseBlock', 'uint256']]],
  '0x7084f5476618d8e60b11ef0d7d3f06914655adb8793e28ff7f018d4c76d505d5': ['Withdrawn', 'validator', [['amount', 'uint256']]],
  '0x475b2312c4fa56dda5f62c77df752c8d915b18fc34fe95bab0e0364acf5e482b': ['Slashed', 'validator', [['reason', 'uint8'], ['fromBonded', 'uint256'], ['fromUnbonding', 'uint256'], ['evidenceId', 'bytes32']]],
  '0xdb632dd2c79c300ac65f217046857b469a52a7cbe430d69d4909b1d756074e5b': ['Jailed', 'validator', [['reason', 'uint8'], ['untilBlock', 'uint256']]],
  '0xfa5039497ad9ba11f0eb5239b2614e925541bbcc0cf3476dd68e1927c86d33ff': ['Unjailed', 'validator', []],
  '0xfc5733f1abe138d4cf6fa38890593aeb756aaa64fe49be2a48a1bffa1e7890e9': ['Permitted', 'account', []],
  '0xb6fa8b8bd5eab60f292eca876e3ef90722275b785309d84b1de113ce0b8c4e74': ['Revoked', 'account', []],
};

function word(data: string, i: number): string {
  return data.slice(2 + 64 * i, 2 + 64 * (i + 1));
}

function decodeArgs(data: string, args: [string, Arg][]): [string, string][] {
  return args.map(([name, type], i) => {
    const w = word(data, i);
    if (type === 'address') return [name, '0x' + w.slice(24)];
    if (type === 'bytes32') return [name, '0x' + w];
    if (type === 'bytes') {
      const at = Number(BigInt('0x' + w)) * 2;
      const len = Number(BigInt('0x' + data.slice(2 + at, 2 + at + 64)));
      return [name, '0x' + data.slice(2 + at + 64, 2 + at + 64 + 2 * len)];
    }
    return [name, BigInt('0x' + (w || '0')).toString()];
  });
}

/** "name(arg=value, ...)" of a staking call, or null for other input. */
export function decodeCall(input: string): { name: string; args: [string, string][] } | null {
  const c = CALLS[input.slice(0, 10)];
  if (!c) return null;
  return { name: c[0], args: decodeArgs('0x' + input.slice(10), c[1]) };
}

/** A staking log decoded, or null. */
export function decodeLog(log: any): { name: string; args: [string, string][] } | null {
  const e = EVENTS[log.topics?.[0]];
  if (!e || log.address.toLowerCase() !== STAKING) return null;
  const first: [string, string] = [e[1], '0x' + (log.topics[1] ?? '').slice(26)];
  return { name: e[0], args: [first, ...decodeArgs(log.data, e[2])] };
}

export function show(d: { name: string; args: [string, string][] }): string {
  return `<span class="mono">${esc(d.name)}(${d.args.map(([k, v]) => `${esc(k)}=${esc(v)}`).join(', ')})</span>`;
}
