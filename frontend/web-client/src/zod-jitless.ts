// Zod (inside the shared contracts) probes `new Function` when it builds its first object schema, to compile faster
// parsers. The strict CSP refuses that probe, and although Zod swallows the error, Chromium reports it as a CSP
// violation (Lighthouse's best practices count it against every page that loads the contracts). Parsing without
// compiling is what the CSP leaves anyway: say so before any schema is built. This module must be imported first.
// Zod keeps its settings on this global so that every copy of it shares them (zod/v4/core/core.js).
const zodGlobal = globalThis as { __zod_globalConfig?: { jitless?: boolean } };
zodGlobal.__zod_globalConfig = Object.assign(zodGlobal.__zod_globalConfig ?? {}, { jitless: true });
