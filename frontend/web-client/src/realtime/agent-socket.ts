import { io, type Socket } from 'socket.io-client';
import { session } from '../session/session.ts';

// One socket per tab to the agent's `/agent` namespace while signed in. It carries plan progress, watch alerts and
// deals. The token is read afresh at every (re)connection and pushed to the server whenever it is renewed, so the
// server never drops the socket for an expired token while the tab is alive.

export type ConnectionStatus = 'offline' | 'connecting' | 'connected' | 'reconnecting';

let socket: Socket | null = null;
let status: ConnectionStatus = 'offline';
const statusListeners = new Set<() => void>();
const connectListeners = new Set<(socket: Socket) => void>();

function setStatus(next: ConnectionStatus): void {
  status = next;
  for (const listener of statusListeners) listener();
}

function connect(): Socket {
  const s = io('/agent', {
    path: '/socket.io/',
    transports: ['websocket'],
    auth: (callback) => {
      void session.accessToken().then((token) => callback({ token }));
    },
    reconnectionDelay: 500,
    reconnectionDelayMax: 5_000,
    autoConnect: false,
  });
  // The gateway checks the token on the WebSocket upgrade itself, where only the URL can carry it
  // (`?access_token=`); every new connection attempt reads the query afresh, so it is kept current.
  const withToken = (token: string | null) => {
    s.io.opts.query = { ...s.io.opts.query, access_token: token ?? '' };
  };
  void session.accessToken().then((token) => {
    withToken(token);
    if (token) s.connect();
  });
  s.io.on('reconnect_attempt', () => {
    // A token that went stale while the connection was down is renewed for the next attempt.
    void session.accessToken().then(withToken);
  });
  s.on('connect', () => {
    setStatus('connected');
    for (const listener of connectListeners) listener(s);
  });
  s.on('disconnect', (reason) => {
    // The server dropped us on purpose (expired or revoked session): reconnect only if we can still sign in.
    if (reason === 'io server disconnect') {
      void session.accessToken().then((token) => {
        withToken(token);
        if (token) s.connect();
      });
    }
    setStatus(s.active ? 'reconnecting' : 'offline');
  });
  s.on('connect_error', () => setStatus(s.active ? 'reconnecting' : 'offline'));
  return s;
}

function follow(): void {
  const signedIn = session.state.status === 'signed-in';
  if (signedIn && !socket) {
    setStatus('connecting');
    socket = connect();
  } else if (!signedIn && socket) {
    socket.disconnect();
    socket = null;
    setStatus('offline');
  }
}

session.subscribe(follow);
session.onToken((token) => {
  if (!socket) return;
  socket.io.opts.query = { ...socket.io.opts.query, access_token: token };
  if (socket.connected) socket.emit('auth:refresh', { token });
});

export const agentSocket = {
  get current(): Socket | null {
    return socket;
  },
  get status(): ConnectionStatus {
    return status;
  },
  onStatus(listener: () => void): () => void {
    statusListeners.add(listener);
    return () => statusListeners.delete(listener);
  },
  /** Runs at every (re)connection, e.g. to resume a running plan from the last event seen. */
  onConnect(listener: (socket: Socket) => void): () => void {
    connectListeners.add(listener);
    if (socket?.connected) listener(socket);
    return () => connectListeners.delete(listener);
  },
};
