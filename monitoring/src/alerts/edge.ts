import { series, type CauseAlert } from './types.ts';

const DAY = 86_400;
const expiry = `probe_ssl_earliest_cert_expiry{job="edge"} - time()`;
const probe = { job: 'edge', instance: 'https://tripwise.example/' };
const cert = (expiresAt: number) => series('probe_ssl_earliest_cert_expiry', probe, `${expiresAt}x30`);
const labels = { ...probe, service: 'edge' };

export const edgeCertificateExpiry: CauseAlert = {
  name: 'TripwiseEdgeCertificateExpiry',
  rules: [
    // Certificates renew 30 days ahead (ACME's default); 14 days left means renewal has failed for two weeks.
    { severity: 'ticket', expr: `label_replace(${expiry} < 14 * ${DAY}, "service", "edge", "", "")`, for: '10m' },
    { severity: 'page', expr: `label_replace(${expiry} < 3 * ${DAY}, "service", "edge", "", "")`, for: '10m' },
  ],
  summary: 'The TLS certificate of {{ $labels.instance }} expires soon',
  description:
    'The certificate chain served by the edge at {{ $labels.instance }} expires in under 14 days (ticket) or 3 days (page): renewal is not working. Once it expires, every browser refuses the site.',
  tests: [
    // promtool's clock starts at the Unix epoch, so an expiry of 10 days is 864000.
    { name: 'ten days left', series: [cert(10 * DAY)], at: '15m', expect: [{ severity: 'ticket', labels }] },
    {
      name: 'two days left',
      series: [cert(2 * DAY)],
      at: '15m',
      expect: [
        { severity: 'ticket', labels },
        { severity: 'page', labels },
      ],
    },
    { name: 'sixty days left', series: [cert(60 * DAY)], at: '15m', expect: [] },
  ],
};
