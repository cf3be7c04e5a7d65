import { connect, createServer, type Server, type Socket } from 'node:net';

export type FaultMode = 'forward' | 'blackhole' | 'refuse' | 'slow';

export interface TcpFaultProxy {
  /** The proxy's own port, on 127.0.0.1. */
  port: number;
  /**
   * `forward`: a plain TCP proxy. `blackhole`: connections stay open and nothing gets through either way (a
   * partition: bytes wait, as TCP's retransmissions would, and arrive once it heals). `refuse`: connections are
   * reset as they arrive, and the open ones are cut (a dependency that is down). `slow`: everything gets through,
   * each chunk `slowMs` late in each direction (a congested link or an overloaded server).
   */
  set(mode: FaultMode): void;
  close(): Promise<void>;
}

/** A TCP proxy in front of a real server (PostgreSQL, Redis), whose faults a test turns on and off. */
export async function startTcpFaultProxy(
  target: { host: string; port: number },
  options: { slowMs?: number } = {},
): Promise<TcpFaultProxy> {
  const slowMs = options.slowMs ?? 250;
  let mode: FaultMode = 'forward';
  const open = new Set<Socket>();
  const stalled = new Set<Socket>();
  const resumeUnlessStalled = (socket: Socket) => {
    if (!stalled.has(socket)) socket.resume();
  };
  // What `pipe` does, but able to hold each chunk back while the link is slow; order is kept because the source
  // is paused until its chunk is passed on.
  const relay = (from: Socket, to: Socket) => {
    from.on('data', (chunk) => {
      const pass = () => {
        if (!to.write(chunk)) {
          from.pause();
          to.once('drain', () => resumeUnlessStalled(from));
        }
      };
      if (mode !== 'slow') return pass();
      from.pause();
      setTimeout(() => {
        pass();
        if (to.writableNeedDrain) return;
        resumeUnlessStalled(from);
      }, slowMs);
    });
    from.on('end', () => to.end());
  };
  const server: Server = createServer((client) => {
    open.add(client);
    client.on('close', () => open.delete(client));
    client.on('error', () => client.destroy());
    if (mode === 'refuse') {
      client.resetAndDestroy();
      return;
    }
    const upstream = connect(target.port, target.host);
    open.add(upstream);
    upstream.on('close', () => {
      open.delete(upstream);
      client.destroy();
    });
    upstream.on('error', () => upstream.destroy());
    client.on('close', () => upstream.destroy());
    relay(client, upstream);
    relay(upstream, client);
    if (mode === 'blackhole') stall(client, upstream);
  });
  // Neither side is read any more: what it sends stays in the kernel's buffers until the partition heals.
  const stall = (...sockets: Socket[]) => {
    for (const socket of sockets) {
      socket.pause();
      stalled.add(socket);
    }
  };
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (typeof address !== 'object' || !address) throw new Error('the fault proxy has no port');
  return {
    port: address.port,
    set(next) {
      mode = next;
      if (next === 'refuse') for (const socket of open) socket.resetAndDestroy();
      if (next === 'blackhole') stall(...open);
      if (next === 'forward') {
        for (const socket of stalled) socket.resume();
        stalled.clear();
      }
    },
    async close() {
      for (const socket of open) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
