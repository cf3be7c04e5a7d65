// Services never reach into each other, packages never into services, frontends never into server code: each
// import is resolved to the workspace it lands in and checked against the one it comes from. Relative paths are
// resolved too, so `../../search/src/x.ts` from booking is caught like `@tripwise/search`.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

const ROOT = resolve(dirname(new URL(import.meta.url).pathname), '..');

/** The workspace a repository path belongs to, e.g. `services/booking`, `packages/platform`, `frontend/web-client`. */
function workspaceOf(path) {
  const parts = relative(ROOT, path).split(sep);
  if (parts[0] === '..' || parts.length === 0) return undefined;
  if (['services', 'packages', 'frontend'].includes(parts[0]) && parts.length > 1) return `${parts[0]}/${parts[1]}`;
  return parts[0];
}

/** Each workspace's package name → its folder, read from the workspaces' package.json files. */
function workspacePackages() {
  const folders = ['api-gateway', 'e2e', 'load-tests'];
  for (const group of ['packages', 'services', 'frontend']) {
    for (const entry of readdirSync(join(ROOT, group))) folders.push(`${group}/${entry}`);
  }
  const byName = new Map();
  for (const folder of folders) {
    const manifest = join(ROOT, folder, 'package.json');
    if (existsSync(manifest)) byName.set(JSON.parse(readFileSync(manifest, 'utf8')).name, folder);
  }
  return byName;
}
const PACKAGE_FOLDERS = workspacePackages();

/** `@tripwise/<name>[/sub]` → its workspace folder and subpath. */
function packageTarget(specifier) {
  const match = /^(@tripwise\/[^/]+)(\/.*)?$/.exec(specifier);
  if (!match) return undefined;
  const [, name, subpath = ''] = match;
  const workspace = PACKAGE_FOLDERS.get(name);
  return workspace ? { workspace, subpath } : undefined;
}

const isServer = (ws) => ws === 'api-gateway' || ws.startsWith('services/');
/** Server-only packages a browser bundle must never import. */
const SERVER_PACKAGES = new Set(['packages/platform']);

function refusal(from, to, subpath, { inTests, inBrowserCode }) {
  if (from === to || !to) return undefined;
  if (isServer(from)) {
    if (to.startsWith('packages/')) return undefined;
    // A service's tests may use what another service exports for tests on purpose: its `testing` entry point.
    if (inTests && isServer(to) && subpath === '/testing') return undefined;
    return `${from} may not import from ${to}: services talk over HTTP or Redis (or, in tests, import its /testing)`;
  }
  if (from.startsWith('packages/')) {
    return to.startsWith('packages/')
      ? undefined
      : `${from} may not import from ${to}: packages never depend on services or apps`;
  }
  // What ships to the browser (a frontend's src); its build configuration may share build tooling.
  if (from.startsWith('frontend/') && inBrowserCode) {
    if (to.startsWith('packages/') && !SERVER_PACKAGES.has(to)) return undefined;
    return `${from} may not import from ${to}: the browser gets contracts, not server code`;
  }
  return undefined; // e2e, load-tests and scripts drive the product from outside
}

const rule = {
  meta: {
    type: 'problem',
    docs: { description: 'Forbid imports across service, package and frontend boundaries' },
    schema: [],
    messages: { crossing: '{{reason}}' },
  },
  create(context) {
    const file = context.filename;
    const from = workspaceOf(file);
    if (!from) return {};
    const inTests = /[\\/](test|testing)[\\/]|\.test\.tsx?$/.test(file);
    const inBrowserCode = /^frontend[\\/][^\\/]+[\\/]src[\\/]/.test(relative(ROOT, file));
    const check = (node) => {
      const specifier = node.source?.value;
      if (typeof specifier !== 'string') return;
      let to;
      let subpath = '';
      if (specifier.startsWith('.')) to = workspaceOf(resolve(dirname(file), specifier));
      else {
        const target = packageTarget(specifier);
        if (!target) return;
        to = target.workspace;
        subpath = target.subpath;
      }
      const reason = refusal(from, to, subpath, { inTests, inBrowserCode });
      if (reason) context.report({ node: node.source, messageId: 'crossing', data: { reason } });
    };
    return {
      ImportDeclaration: check,
      ExportNamedDeclaration: check,
      ExportAllDeclaration: check,
      ImportExpression: check,
    };
  },
};

export default { rules: { 'workspace-boundaries': rule } };
