// What every view needs once: the chain id and the trust anchor (the genesis set, epoch 1's).
import { batch } from './rpc';
import { setGenesis, TrustedSet } from './proof';

export interface ChainInfo { chainId: bigint; genesisHash: string }
let info: Promise<ChainInfo> | undefined;

/** The chain id and genesis, asked once per page load. */
export function chain(): Promise<ChainInfo> {
  info ??= (async () => {
    const [chainId, genesis, anchor] = await batch([
      ['eth_chainId', []], ['eth_getBlockByNumber', ['0x0', false]], ['bulwark_validators', ['0x0']]]);
    setGenesis(activeSet(anchor));
    return { chainId: BigInt(chainId), genesisHash: genesis.hash };
  })();
  return info;
}

/** The set a bulwark_validators answer reports for its epoch, in the chain's (address) order. */
export function activeSet(report: any): TrustedSet {
  const members = (report.validators as any[])
    .filter((v) => BigInt(v.votingPower) > 0n)
    .map((v) => ({ address: v.address, blsPublicKey: v.blsPublicKey, votingPower: BigInt(v.votingPower) }))
    .sort((a, b) => (a.address < b.address ? -1 : 1));
  return { epoch: Number(BigInt(report.epoch)), members };
}
