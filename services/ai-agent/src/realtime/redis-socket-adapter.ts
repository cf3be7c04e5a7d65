import { createAdapter } from '@socket.io/redis-adapter';
import { Redis } from 'ioredis';
import type { Server } from 'socket.io';

/**
 * Rooms that span instances: an event emitted on one instance reaches a user's sockets on every other, through
 * Redis pub/sub. Its two connections are released by `onClose`.
 */
export function redisSocketAdapter(
  url: string,
  prefix: string,
  context: { onClose: (closer: () => Promise<void>) => void },
): (io: Server) => void {
  return (io) => {
    const pub = new Redis(url, { lazyConnect: false });
    const sub = pub.duplicate();
    io.adapter(createAdapter(pub, sub, { key: `${prefix}socket.io` }));
    context.onClose(async () => {
      pub.disconnect();
      sub.disconnect();
    });
  };
}
