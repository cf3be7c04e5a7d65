import { CAPABILITIES, type CapabilityStatus } from './capabilities.ts';
import type { Incident } from './incidents.ts';

export interface StatusReport {
  checkedAt: string;
  capabilities: { id: string; name: string; status: CapabilityStatus }[];
  incidents: Incident[];
}

const LABEL: Record<CapabilityStatus, string> = {
  operational: 'Operational',
  degraded: 'Degraded',
  down: 'Down',
};
const COLOR: Record<CapabilityStatus, string> = { operational: '#1a7f37', degraded: '#9a6700', down: '#cf222e' };

const escape = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const nameOf = (id: string) => CAPABILITIES.find((c) => c.id === id)?.name ?? id;
const time = (iso: string) =>
  `<time datetime="${escape(iso)}">${escape(iso.slice(0, 16).replace('T', ' '))} UTC</time>`;

function headline(report: StatusReport): string {
  const worst = report.capabilities.some((c) => c.status === 'down')
    ? 'down'
    : report.capabilities.some((c) => c.status === 'degraded')
      ? 'degraded'
      : 'operational';
  const text = {
    operational: 'All systems operational',
    degraded: 'Some things are slow or failing',
    down: 'Something is down',
  };
  return `<p class="headline" style="background:${COLOR[worst]}">${text[worst]}</p>`;
}

function incidentItem(incident: Incident): string {
  const span = incident.endedAt
    ? `${time(incident.startedAt)} to ${time(incident.endedAt)}`
    : `since ${time(incident.startedAt)}, ongoing`;
  return `<li><strong>${escape(nameOf(incident.capability))}</strong> ${LABEL[incident.status].toLowerCase()}: ${span}</li>`;
}

/** The status page: plain HTML and a stylesheet in the page, refreshed by the browser itself every 30 s. */
export function renderStatusPage(report: StatusReport): string {
  const rows = report.capabilities
    .map(
      (c) =>
        `<tr><th scope="row">${escape(c.name)}</th><td data-status="${c.status}" style="color:${COLOR[c.status]}">${LABEL[c.status]}</td></tr>`,
    )
    .join('\n');
  const incidents = report.incidents.length
    ? `<ul>\n${report.incidents.map(incidentItem).join('\n')}\n</ul>`
    : '<p>No incidents in the last seven days.</p>';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="refresh" content="30">
<title>Tripwise status</title>
<style>
body { font-family: system-ui, sans-serif; max-width: 40rem; margin: 2rem auto; padding: 0 1rem; color: #1f2328; }
.headline { color: #fff; padding: 0.75rem 1rem; border-radius: 6px; font-weight: 600; }
table { width: 100%; border-collapse: collapse; } th, td { text-align: left; padding: 0.5rem 0; border-bottom: 1px solid #d0d7de; }
td { font-weight: 600; text-align: right; }
</style>
</head>
<body>
<h1>Tripwise status</h1>
${headline(report)}
<table>
${rows}
</table>
<h2>Recent incidents</h2>
${incidents}
<p><small>Checked ${time(report.checkedAt)}.</small></p>
</body>
</html>
`;
}
