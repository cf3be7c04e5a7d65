import { session } from './session.ts';
import { ApiError } from './api-error.ts';

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  body?: unknown;
  query?: Record<string, string | number | boolean | readonly string[] | undefined | null>;
  headers?: Record<string, string>;
  signal?: AbortSignal;
  /** Send the access token if signed in (default); public calls can skip the wait for a refresh. */
  auth?: boolean;
}

/** `?a=1&b=x&b=y`, leaving out empty values; arrays repeat the name. */
export function queryString(query: RequestOptions['query']): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null || value === '') continue;
    if (Array.isArray(value)) for (const v of value as readonly string[]) params.append(name, v);
    else params.set(name, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

async function send(path: string, options: RequestOptions, token: string | null): Promise<Response> {
  const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
  // A file (a photo) is sent as itself, with its own type; anything else as JSON.
  const file = options.body instanceof Blob ? options.body : undefined;
  if (file) headers['content-type'] ??= file.type;
  else if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (token) headers.authorization = `Bearer ${token}`;
  return fetch(`${path}${queryString(options.query)}`, {
    method: options.method ?? 'GET',
    headers,
    body: file ?? (options.body === undefined ? undefined : JSON.stringify(options.body)),
    signal: options.signal,
    credentials: 'same-origin',
  });
}

/**
 * A 401 for the token itself (expired, revoked) says so in WWW-Authenticate; a wrong password or 2FA code is a 401
 * too, and sending it again would only spend the user's attempts.
 */
const tokenRefused = (res: Response) => (res.headers.get('www-authenticate') ?? '').includes('invalid_token');

/**
 * Calls the API through the gateway. Problems come back as ApiError. A token refused under us (expired, revoked):
 * one refresh, one retry, and if that fails the user is signed out.
 */
export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const wantsAuth = options.auth !== false;
  const token = wantsAuth ? await session.accessToken() : null;
  let res = await send(path, options, token);
  if (res.status === 401 && token && tokenRefused(res) && (await session.restore())) {
    res = await send(path, options, await session.accessToken());
  }
  if (res.status === 204) return undefined as T;
  const isJson = (res.headers.get('content-type') ?? '').includes('json');
  const body: unknown = isJson ? await res.json() : await res.text();
  if (!res.ok) {
    throw new ApiError(res.status, typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {});
  }
  return body as T;
}

/**
 * A POST that needs no token (sign-in and its second step): the answer, or an ApiError whose `retryAfterSeconds`
 * extension comes from a 429's Retry-After header, so the page can say how long to wait.
 */
export async function publicPost<T>(path: string, body: unknown): Promise<T> {
  const res = await fetch(path, {
    method: 'POST',
    headers: { accept: 'application/json', 'content-type': 'application/json' },
    body: JSON.stringify(body),
    credentials: 'same-origin',
  });
  const isJson = (res.headers.get('content-type') ?? '').includes('json');
  const answer: unknown = isJson ? await res.json() : null;
  if (!res.ok) {
    const problem = typeof answer === 'object' && answer !== null ? (answer as Record<string, unknown>) : {};
    const retryAfter = Number(res.headers.get('retry-after'));
    throw new ApiError(
      res.status,
      Number.isFinite(retryAfter) && retryAfter > 0 ? { ...problem, retryAfterSeconds: retryAfter } : problem,
    );
  }
  return answer as T;
}
