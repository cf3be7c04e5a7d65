/**
 * A small builder for Grafana dashboards (schema version 39, Grafana 10/11): rows of panels laid out on the 24-column
 * grid, every query against the one provisioned Prometheus data source.
 */

/** The data source provisioned in grafana/provisioning/datasources: every panel and query refers to it by uid. */
export const DATASOURCE = { type: 'prometheus', uid: 'prometheus' } as const;

export interface Query {
  expr: string;
  legend?: string;
}

export interface PanelSpec {
  title: string;
  description?: string;
  type?: 'timeseries' | 'stat' | 'bargauge';
  unit?: string;
  /** Columns of 24; 8 unless said. */
  width?: number;
  stack?: boolean;
  min?: number;
  max?: number;
  queries: Query[];
}

export interface RowSpec {
  title: string;
  panels: PanelSpec[];
}

export interface DashboardSpec {
  uid: string;
  title: string;
  description: string;
  rows: RowSpec[];
}

const HEIGHT = 8;
const REF_IDS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

function fieldConfig(panel: PanelSpec) {
  const defaults: Record<string, unknown> = { unit: panel.unit ?? 'short' };
  if (panel.min !== undefined) defaults.min = panel.min;
  if (panel.max !== undefined) defaults.max = panel.max;
  if ((panel.type ?? 'timeseries') === 'timeseries') {
    defaults.custom = {
      drawStyle: 'line',
      lineWidth: 1,
      fillOpacity: panel.stack ? 40 : 10,
      showPoints: 'never',
      spanNulls: false,
      stacking: { mode: panel.stack ? 'normal' : 'none', group: 'A' },
    };
  }
  return { defaults, overrides: [] };
}

function options(panel: PanelSpec) {
  const reduce = { calcs: ['lastNotNull'], fields: '', values: false };
  switch (panel.type ?? 'timeseries') {
    case 'timeseries':
      return {
        legend: { displayMode: 'list', placement: 'bottom', showLegend: true },
        tooltip: { mode: 'multi', sort: 'desc' },
      };
    case 'stat':
      return { reduceOptions: reduce, colorMode: 'value', graphMode: 'area', justifyMode: 'auto', textMode: 'auto' };
    case 'bargauge':
      return { reduceOptions: reduce, orientation: 'horizontal', displayMode: 'gradient', showUnfilled: true };
  }
}

/** The dashboard's JSON model, with ids and grid positions worked out. */
export function dashboard(spec: DashboardSpec) {
  let id = 0;
  let y = 0;
  const panels: Record<string, unknown>[] = [];
  for (const row of spec.rows) {
    panels.push({
      id: ++id,
      type: 'row',
      title: row.title,
      collapsed: false,
      gridPos: { h: 1, w: 24, x: 0, y },
      panels: [],
    });
    y += 1;
    let x = 0;
    for (const panel of row.panels) {
      const width = panel.width ?? 8;
      if (x + width > 24) {
        x = 0;
        y += HEIGHT;
      }
      panels.push({
        id: ++id,
        type: panel.type ?? 'timeseries',
        title: panel.title,
        ...(panel.description ? { description: panel.description } : {}),
        datasource: DATASOURCE,
        gridPos: { h: HEIGHT, w: width, x, y },
        targets: panel.queries.map((query, i) => ({
          refId: REF_IDS[i],
          datasource: DATASOURCE,
          expr: query.expr,
          legendFormat: query.legend ?? '__auto',
          range: true,
          instant: false,
        })),
        fieldConfig: fieldConfig(panel),
        options: options(panel),
      });
      x += width;
    }
    y += HEIGHT;
  }
  return {
    uid: spec.uid,
    title: spec.title,
    description: spec.description,
    tags: ['tripwise'],
    timezone: 'utc',
    editable: true,
    graphTooltip: 1,
    schemaVersion: 39,
    version: 1,
    refresh: '30s',
    time: { from: 'now-3h', to: 'now' },
    templating: { list: [] },
    annotations: { list: [] },
    links: [
      {
        type: 'dashboards',
        title: 'Tripwise',
        tags: ['tripwise'],
        asDropdown: true,
        includeVars: false,
        keepTime: true,
      },
    ],
    panels,
  };
}

export type Dashboard = ReturnType<typeof dashboard>;
