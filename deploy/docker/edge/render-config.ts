// Renders the repository's nginx template (nginx/) for the edge image, with the paths and ports the image uses:
// `node deploy/docker/edge/render-config.ts <gateway host:port>`. The same renderer serves `npm run edge` and
// the edge tests, so the container's nginx is configured exactly as the one tested there.
import { renderNginxConfig } from '../../../scripts/stack/nginx.ts';

const gateway = process.argv[2];
if (!gateway) throw new Error('usage: render-config.ts <gateway host:port>');
await renderNginxConfig({
  runtimeDir: '/var/cache/tripwise-edge',
  gateway,
  httpPort: 80,
  httpsPort: 443,
  cert: '/run/secrets/tls_cert',
  key: '/run/secrets/tls_key',
  webRoot: '/usr/share/tripwise/web',
  adminRoot: '/usr/share/tripwise/admin',
});
