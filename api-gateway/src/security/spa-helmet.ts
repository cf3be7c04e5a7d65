import type { HelmetOptions } from 'helmet';

/**
 * Headers for the SPAs the gateway serves in the embedded mode (nginx sends the same in the full stack): no
 * inline script, API calls and WebSockets to our own origin only, no framing. HSTS comes from nginx alone.
 */
export function spaHelmet(): HelmetOptions {
  return {
    contentSecurityPolicy: {
      useDefaults: true,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:', 'https:'],
        // 'self' covers ws:// and wss:// to our own host (CSP3), which is where /socket.io/ lives.
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        // The embedded mode is plain HTTP on localhost; behind nginx every request is already HTTPS.
        upgradeInsecureRequests: null,
      },
    },
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
  };
}
