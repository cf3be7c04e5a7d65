import type { YamlValue } from '../files/yaml.ts';

/** The blackbox exporter's port (its default). */
export const BLACKBOX_PORT = 9115;
export const EDGE_PROBE_MODULE = 'https_2xx';

/**
 * The blackbox exporter's configuration: the edge seen as a browser sees it, an HTTPS GET of a public URL that must
 * answer 2xx over a certificate chain the exporter trusts (the system's CAs, or `caFile` for a local CA). Besides
 * `probe_success` it reports `probe_ssl_earliest_cert_expiry`, which TripwiseEdgeCertificateExpiry reads.
 */
export function blackboxConfig(tls: { caFile?: string; serverName?: string } = {}): YamlValue {
  const tlsConfig = {
    ...(tls.caFile ? { ca_file: tls.caFile } : {}),
    ...(tls.serverName ? { server_name: tls.serverName } : {}),
  };
  return {
    modules: {
      [EDGE_PROBE_MODULE]: {
        prober: 'http',
        timeout: '5s',
        http: {
          method: 'GET',
          preferred_ip_protocol: 'ip4',
          fail_if_not_ssl: true,
          ...(Object.keys(tlsConfig).length > 0 ? { tls_config: tlsConfig } : {}),
        },
      },
    },
  };
}

/**
 * Prometheus's `edge` job: each public URL is handed to the exporter as its `target` and becomes the series'
 * `instance`; the exporter at `exporter` (host:port) does the probing.
 */
export function edgeProbeJob(targets: string[], exporter: string): YamlValue {
  return {
    job_name: 'edge',
    metrics_path: '/probe',
    params: { module: [EDGE_PROBE_MODULE] },
    static_configs: [{ targets }],
    relabel_configs: [
      { source_labels: ['__address__'], target_label: '__param_target' },
      { source_labels: ['__param_target'], target_label: 'instance' },
      { target_label: '__address__', replacement: exporter },
    ],
  };
}
