import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { PANEL_QUERIES_AWAITING_METRICS } from '../src/awaiting.ts';
import { toYaml } from '../src/files/yaml.ts';
import { awaitedMetricsIn } from '../src/metrics-to-add.ts';
import { runTool } from '../src/runtime/tools.ts';
import { REPO_ROOT } from '../../scripts/stack/processes.ts';

const GRAFANA = join(REPO_ROOT, 'monitoring', 'grafana');
const PANEL_TYPES = new Set(['row', 'timeseries', 'stat', 'bargauge']);

interface Panel {
  id: number;
  type: string;
  title: string;
  gridPos: { h: number; w: number; x: number; y: number };
  datasource?: { type: string; uid: string };
  targets?: { refId: string; expr: string; datasource?: { type: string; uid: string } }[];
}
interface Dashboard {
  uid: string;
  title: string;
  schemaVersion: number;
  panels: Panel[];
}

const files = await readdir(join(GRAFANA, 'dashboards'));
const dashboards = await Promise.all(
  files.map(async (file) => ({
    file,
    board: JSON.parse(await readFile(join(GRAFANA, 'dashboards', file), 'utf8')) as Dashboard,
  })),
);
const queries = dashboards.flatMap(({ board }) =>
  board.panels.flatMap((panel) =>
    (panel.targets ?? []).map((target) => ({ key: `${board.uid} / ${panel.title} / ${target.refId}`, target })),
  ),
);

/** The data sources provisioned for Grafana, read from the provisioning file itself. */
async function provisionedDatasources(): Promise<{ uid: string; type: string }[]> {
  const text = await readFile(join(GRAFANA, 'provisioning', 'datasources', 'prometheus.yml'), 'utf8');
  return [...text.matchAll(/uid: (\S+)\s+type: (\S+)/g)].map((m) => ({ uid: m[1]!, type: m[2]! }));
}

describe('the Grafana dashboards', () => {
  test('When the dashboards are read, then there are some and each has a unique uid (at most 40 characters) and title', () => {
    expect(dashboards.length).toBeGreaterThanOrEqual(8);
    const uids = dashboards.map(({ board }) => board.uid);
    expect(new Set(uids).size).toBe(uids.length);
    expect(new Set(dashboards.map(({ board }) => board.title)).size).toBe(uids.length);
    for (const { file, board } of dashboards) {
      expect(board.uid).toMatch(/^[a-z0-9-]{1,40}$/);
      expect(file).toBe(`${board.uid}.json`);
    }
  });

  test('When each dashboard is checked against the schema Grafana reads, then its panels are well formed and laid out on the grid without overlapping', () => {
    for (const { board } of dashboards) {
      expect(board.schemaVersion).toBe(39);
      const ids = board.panels.map((p) => p.id);
      expect(new Set(ids).size, board.uid).toBe(ids.length);
      const cells = new Set<string>();
      for (const panel of board.panels) {
        expect(PANEL_TYPES.has(panel.type), `${board.uid}: ${panel.type}`).toBe(true);
        expect(panel.title.length).toBeGreaterThan(0);
        const { x, y, w, h } = panel.gridPos;
        expect(x >= 0 && w > 0 && h > 0 && x + w <= 24, `${board.uid} / ${panel.title}`).toBe(true);
        for (let row = y; row < y + h; row++) {
          for (let col = x; col < x + w; col++) {
            expect(cells.has(`${row}:${col}`), `${board.uid} / ${panel.title} overlaps`).toBe(false);
            cells.add(`${row}:${col}`);
          }
        }
      }
    }
  });

  test('When every panel is read, then each (but rows) has queries with unique refIds, against the provisioned Prometheus', async () => {
    const datasources = await provisionedDatasources();
    const prometheus = datasources.filter((d) => d.type === 'prometheus').map((d) => d.uid);
    expect(prometheus).toHaveLength(1);
    for (const { board } of dashboards) {
      for (const panel of board.panels.filter((p) => p.type !== 'row')) {
        const where = `${board.uid} / ${panel.title}`;
        expect(panel.targets?.length, where).toBeGreaterThan(0);
        expect(panel.datasource, where).toEqual({ type: 'prometheus', uid: prometheus[0] });
        const refIds = panel.targets!.map((t) => t.refId);
        expect(new Set(refIds).size, where).toBe(refIds.length);
        for (const target of panel.targets!) {
          expect(target.datasource, where).toEqual(panel.datasource);
          expect(target.expr.trim().length, where).toBeGreaterThan(0);
        }
      }
    }
  });

  test("When every panel query is given to Prometheus's parser (promtool check rules), then each parses", async () => {
    const dir = await mkdtemp(join(tmpdir(), 'tripwise-dashboards-'));
    try {
      // Grafana fills $__rate_interval before Prometheus sees a query; a window of a minute stands in for it here.
      const rules = queries.map(({ key, target }, i) => ({
        record: `dashboard_query_${i}`,
        expr: target.expr.replaceAll('$__rate_interval', '1m'),
        labels: { query: key },
      }));
      await writeFile(join(dir, 'queries.yml'), toYaml({ groups: [{ name: 'dashboard-queries', rules }] }));
      const result = await runTool('promtool', ['check', 'rules', 'queries.yml'], { cwd: dir });
      expect(result.code, result.stdout + result.stderr).toBe(0);
      expect(result.stdout).toContain(`SUCCESS: ${rules.length} rules found`);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  test('When a query reads a metric not exposed yet, then it is listed as awaiting it, and every listed query does', () => {
    const reading = queries.filter(({ target }) => awaitedMetricsIn(target.expr).length > 0).map(({ key }) => key);
    expect(reading.sort()).toEqual([...PANEL_QUERIES_AWAITING_METRICS].sort());
  });
});
