// Loaded with `node --import` before a service reads its configuration: every variable FOO_FILE names a file
// (a Docker or Kubernetes secret) whose contents become FOO, unless FOO is set already. Passwords kept apart from
// their URL are put into it: DATABASE_PASSWORD into DATABASE_URL, REDIS_PASSWORD into REDIS_URL. Nothing is
// printed: a secret never reaches a log.
import { readFileSync } from 'node:fs';

const env = process.env;
for (const [name, path] of Object.entries(env)) {
  if (!name.endsWith('_FILE') || !path) continue;
  const target = name.slice(0, -'_FILE'.length);
  if (env[target]) continue;
  try {
    env[target] = readFileSync(path, 'utf8').replace(/\r?\n$/, '');
  } catch (err) {
    process.stderr.write(`${name}: cannot read ${path} (${err.code ?? err.message})\n`);
    process.exit(78); // EX_CONFIG, as the services' own configuration errors
  }
}

function withPassword(urlVariable, passwordVariable) {
  const password = env[passwordVariable];
  if (!password || !env[urlVariable]) return;
  const url = new URL(env[urlVariable]);
  if (url.password) return;
  url.password = encodeURIComponent(password);
  env[urlVariable] = url.toString();
}
withPassword('DATABASE_URL', 'DATABASE_PASSWORD');
withPassword('REDIS_URL', 'REDIS_PASSWORD');
