import type { YamlValue } from '../files/yaml.ts';
import { business } from './business.ts';
import { overview } from './overview.ts';
import { DATASOURCE, type Dashboard } from './panels.ts';
import { realtime } from './realtime.ts';
import { serviceDashboards } from './services.ts';

export const DASHBOARDS: Dashboard[] = [overview, business, realtime, ...serviceDashboards];

/** Where compose and Kubernetes mount monitoring/grafana/dashboards inside the Grafana container. */
export const DASHBOARDS_MOUNT = '/var/lib/grafana/dashboards/tripwise';

/** grafana/provisioning/datasources/prometheus.yml: Prometheus (the dashboards' data source) and Alertmanager. */
export const datasources: YamlValue = {
  apiVersion: 1,
  datasources: [
    {
      name: 'Prometheus',
      uid: DATASOURCE.uid,
      type: DATASOURCE.type,
      access: 'proxy',
      url: 'http://prometheus:9090',
      isDefault: true,
      editable: false,
      // Prometheus scrapes every 15 s: $__rate_interval is then at least a minute, four samples.
      jsonData: { timeInterval: '15s', httpMethod: 'POST' },
    },
    {
      name: 'Alertmanager',
      uid: 'alertmanager',
      type: 'alertmanager',
      access: 'proxy',
      url: 'http://alertmanager:9093',
      editable: false,
      jsonData: { implementation: 'prometheus', handleGrafanaManagedAlerts: false },
    },
  ],
};

/** grafana/provisioning/dashboards/tripwise.yml: the dashboards folder, read from files, not editable in the UI. */
export const dashboardProvider: YamlValue = {
  apiVersion: 1,
  providers: [
    {
      name: 'tripwise',
      folder: 'Tripwise',
      folderUid: 'tripwise',
      type: 'file',
      disableDeletion: true,
      allowUiUpdates: false,
      updateIntervalSeconds: 30,
      options: { path: DASHBOARDS_MOUNT, foldersFromFilesStructure: false },
    },
  ],
};
