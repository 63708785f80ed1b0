// JSON-RPC over HTTP POST to the node that served the page; the WebSocket only pushes newHeads.

export class RpcError extends Error {
  constructor(readonly method: string, readonly code: number, message: string) {
    super(`${method}: ${message}`);
  }
}

let nextId = 1;

/** One call; throws RpcError on a JSON-RPC error. */
export async function call<T = any>(method: string, params: unknown[] = []): Promise<T> {
  const [result] = await batch<T>([[method, params]]);
  return result;
}

/** Several calls in one HTTP request; results in order. */
export async function batch<T = any>(calls: [string, unknown[]][]): Promise<T[]> {
  if (calls.length === 0) return [];
  const body = calls.map(([method, params]) => ({ jsonrpc: '2.0', id: nextId++, method, params }));
  const response = await fetch('/', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new RpcError(calls[0][0], response.status, `HTTP ${response.status}`);
  const answers: any[] = await response.json();
  const byId = new Map(answers.map((a) => [a.id, a]));
  return body.map((req) => {
    const a = byId.get(req.id);
    if (!a) throw new RpcError(req.method, -1, 'no answer');
    if (a.error) throw new RpcError(req.method, a.error.code, a.error.message);
    return a.result as T;
  });
}

/** Subscribes to newHeads; reconnects after a drop. Returns a function that stops it. */
export function onNewHeads(handler: (head: any) => void): () => void {
  let socket: WebSocket | undefined;
  let stopped = false;
  const open = () => {
    const url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/`;
    socket = new WebSocket(url);
    socket.onopen = () => socket!.send(JSON.stringify({
      jsonrpc: '2.0', id: 1, method: 'eth_subscribe', params: ['newHeads'],
    }));
    socket.onmessage = (event) => {
      const msg = JSON.parse(event.data);
      if (msg.method === 'eth_subscription' && msg.params?.result) handler(msg.params.result);
    };
    socket.onclose = () => { if (!stopped) setTimeout(open, 2000); };
  };
  open();
  return () => { stopped = true; socket?.close(); };
}

export const hex = (n: number | bigint) => '0x' + n.toString(16);
export const num = (q: string | null | undefined) => (q == null ? 0 : Number(BigInt(q)));
export const big = (q: string | null | undefined) => (q == null ? 0n : BigInt(q));
