// The image's HEALTHCHECK: is the process alive and answering? (GET /health on its own port; /ready, which also
// checks the database and the store, is for load balancers and Kubernetes' readiness probe.)
const port = process.env.PORT;
try {
  const res = await fetch(`http://127.0.0.1:${port}/health`, { signal: AbortSignal.timeout(2_500) });
  process.exit(res.ok ? 0 : 1);
} catch {
  process.exit(1);
}
