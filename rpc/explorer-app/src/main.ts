// The explorer's router: history-API paths under /explorer, search and Add to MetaMask.
import { call } from './rpc';
import { home, block, tx, Cleanup } from './views-chain';
import { address, validators, slashing, token } from './views-consensus';
import { esc } from './ui';

let cleanup: Cleanup | undefined;

async function route(): Promise<void> {
  cleanup?.();
  cleanup = undefined;
  const view = document.getElementById('view')!;
  const parts = location.pathname.replace(/^\/explorer\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
  const started = performance.now();
  view.dataset.ready = 'false';
  try {
    switch (parts[0] ?? '') {
      case '': cleanup = await home(view); break;
      case 'block': await block(view, parts[1] ?? ''); break;
      case 'tx': await tx(view, parts[1] ?? ''); break;
      case 'address': await address(view, parts[1] ?? ''); break;
      case 'token': token(view, parts[1] ?? ''); break;
      case 'validators': await validators(view); break;
      case 'slashing': await slashing(view); break;
      default: view.innerHTML = `<p class="error">No such page: ${esc(location.pathname)}</p>`;
    }
  } catch (e: any) {
    view.innerHTML = `<p class="error" data-testid="view-error">Could not load: ${esc(e.message ?? e)}</p>`;
  }
  view.dataset.renderMs = String(Math.round(performance.now() - started));
  view.dataset.ready = 'true';
}

export function go(path: string): void {
  history.pushState(null, '', path);
  void route();
}

async function search(q: string): Promise<void> {
  q = q.trim();
  if (/^\d+$/.test(q)) return go(`/explorer/block/${q}`);
  if (/^0x[0-9a-fA-F]{40}$/.test(q)) return go(`/explorer/address/${q.toLowerCase()}`);
  if (/^0x[0-9a-fA-F]{64}$/.test(q)) {
    const t = await call('eth_getTransactionByHash', [q]);
    return go(t ? `/explorer/tx/${q}` : `/explorer/block/${q}`);
  }
  document.getElementById('view')!.innerHTML = `<p class="error">Search for a block number, a block or transaction hash, or an address.</p>`;
}

async function addToMetaMask(): Promise<void> {
  const eth = (window as any).ethereum;
  const params = await (await fetch('/chain.json')).json();
  if (!eth) { alert('No wallet found in this browser. Network details: ' + JSON.stringify(params)); return; }
  await eth.request({ method: 'wallet_addEthereumChain', params: [params] });
}

document.addEventListener('click', (e) => {
  const a = (e.target as HTMLElement).closest('a[data-link]') as HTMLAnchorElement | null;
  if (a && !e.ctrlKey && !e.metaKey && a.origin === location.origin) {
    e.preventDefault();
    go(a.pathname + a.search);
  }
});
window.addEventListener('popstate', () => void route());
document.getElementById('search')!.addEventListener('submit', (e) => {
  e.preventDefault();
  void search(((e.target as HTMLFormElement).elements.namedItem('q') as HTMLInputElement).value);
});
document.getElementById('add-metamask')!.addEventListener('click', () => void addToMetaMask());
void route();
