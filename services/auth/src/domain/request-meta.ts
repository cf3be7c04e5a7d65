/** Where a request came from, for audit events and session records; use cases get this, never `req`. */
export interface RequestMeta {
  ip: string | null;
  userAgent: string | null;
  requestId: string | null;
}
