import type { Tracer } from '@opentelemetry/api';

/** Spans exported over OTLP/HTTP, when an endpoint is configured. */
export interface Tracing {
  tracer: Tracer;
  /** Sends the spans still queued (before the process exits). */
  flush(): Promise<void>;
  shutdown(): Promise<void>;
}

let active: Tracing | undefined;

/** The process's tracing, when `initTracing` started it; request traces use it to record spans. */
export function activeTracing(): Tracing | undefined {
  return active;
}

/**
 * Starts OpenTelemetry's trace SDK with an OTLP/HTTP exporter to `endpoint` (OTEL_EXPORTER_OTLP_ENDPOINT; spans go
 * to `<endpoint>/v1/traces`), only when one is set: otherwise the SDK is not even loaded, and trace ids are still
 * made and propagated (and logged) without it. Nothing is registered globally: the platform starts its spans itself,
 * with their parent taken from the incoming `traceparent`.
 */
export async function initTracing(options: {
  endpoint: string | undefined;
  service: string;
  environment: string;
}): Promise<Tracing | undefined> {
  if (!options.endpoint) return undefined;
  const [{ TracerProvider, BatchSpanProcessor }, { OTLPTraceExporter }, { resourceFromAttributes }] = await Promise.all(
    [
      import('@opentelemetry/sdk-trace'),
      import('@opentelemetry/exporter-trace-otlp-http'),
      import('@opentelemetry/resources'),
    ],
  );
  const exporter = new OTLPTraceExporter({ url: `${options.endpoint.replace(/\/+$/, '')}/v1/traces` });
  const provider = new TracerProvider({
    resource: resourceFromAttributes({
      'service.name': options.service,
      'deployment.environment.name': options.environment,
    }),
    spanProcessors: [new BatchSpanProcessor({ exporter, scheduledDelayMillis: 1_000 })],
  });
  const tracing: Tracing = {
    tracer: provider.getTracer('tripwise'),
    flush: () => provider.forceFlush(),
    async shutdown() {
      if (active === tracing) active = undefined;
      await provider.shutdown();
    },
  };
  active = tracing;
  return tracing;
}
