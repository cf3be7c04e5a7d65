import { useEffect, useRef, useSyncExternalStore } from 'react';
import { agentSocket, type ConnectionStatus } from './agent-socket.ts';
import { useSession } from '../session/use-session.ts';

export function useConnectionStatus(): ConnectionStatus {
  return useSyncExternalStore(
    (listener) => agentSocket.onStatus(listener),
    () => agentSocket.status,
  );
}

/** Listens to one server event on the agent socket for as long as the component is mounted (and signed in). */
export function useAgentEvent<T>(event: string, handler: (payload: T) => void): void {
  const latest = useRef(handler);
  latest.current = handler;
  const signedIn = useSession().status === 'signed-in';
  useEffect(() => {
    if (!signedIn) return undefined;
    const listener = (payload: T) => latest.current(payload);
    const stop = agentSocket.onConnect((socket) => {
      socket.off(event, listener);
      socket.on(event, listener);
    });
    return () => {
      stop();
      agentSocket.current?.off(event, listener);
    };
  }, [event, signedIn]);
}
