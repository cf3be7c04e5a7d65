import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { REPO_ROOT } from '../../scripts/stack/processes.ts';
import { runOk } from '../scripts/run.ts';

// Every overlay rendered by `kubectl kustomize` (offline), each object validated against the Kubernetes schemas
// (kubernetes-models, generated from the API's OpenAPI definitions), and the promises of the manifests checked.
interface Container {
  name: string;
  image: string;
  resources?: { requests?: Record<string, string>; limits?: Record<string, string> };
  readinessProbe?: { httpGet?: { path: string } };
  livenessProbe?: { httpGet?: { path: string }; tcpSocket?: unknown };
  securityContext?: { runAsNonRoot?: boolean; runAsUser?: number; allowPrivilegeEscalation?: boolean };
  env?: { name: string; value?: string; valueFrom?: { secretKeyRef?: { name: string } } }[];
}
interface PodSpec {
  securityContext?: { runAsNonRoot?: boolean; runAsUser?: number };
  containers: Container[];
}
interface K8sObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string> };
  spec?: {
    selector?: { matchLabels?: Record<string, string> };
    template?: { metadata?: { labels?: Record<string, string> }; spec: PodSpec };
    jobTemplate?: { spec: { template: { spec: PodSpec } } };
    scaleTargetRef?: { name: string };
    podSelector?: { matchLabels?: Record<string, string> };
  };
}

const OVERLAYS = ['staging', 'production'];
const NODE_PROCESSES = ['auth', 'search', 'booking', 'ai-agent', 'insights', 'api-gateway'];
const rendered: Record<string, K8sObject[]> = {};

async function render(overlay: string): Promise<K8sObject[]> {
  const dir = join(REPO_ROOT, 'deploy', 'k8s', 'overlays', overlay);
  const yaml = await runOk('kubectl', ['kustomize', dir], { timeoutMs: 60_000 });
  return parseAllDocuments(yaml).map((d) => d.toJSON() as K8sObject);
}

/** kubernetes-models' class for an object (`apps/v1` Deployment → kubernetes-models/apps/v1/Deployment). */
async function validate(object: K8sObject): Promise<void> {
  const path = `kubernetes-models/${object.apiVersion}/${object.kind}`;
  const module = (await import(path)) as Record<string, new (data: unknown) => { validate(): void }>;
  const Model = module[object.kind];
  if (!Model) throw new Error(`no schema for ${object.apiVersion} ${object.kind}`);
  new Model(object).validate();
}

function podSpecs(objects: K8sObject[]): { owner: string; spec: PodSpec }[] {
  return objects.flatMap((o) => {
    const spec = o.spec?.template?.spec ?? o.spec?.jobTemplate?.spec.template.spec;
    return spec ? [{ owner: `${o.kind}/${o.metadata.name}`, spec }] : [];
  });
}

beforeAll(async () => {
  for (const overlay of OVERLAYS) rendered[overlay] = await render(overlay);
});

describe.each(OVERLAYS)('the %s overlay', (overlay) => {
  const objects = () => rendered[overlay]!;
  const deployments = () => objects().filter((o) => o.kind === 'Deployment');

  test('When it is rendered, then every object is valid against the Kubernetes schemas', async () => {
    expect(objects().length).toBeGreaterThan(30);
    for (const object of objects()) {
      await expect(validate(object), `${object.kind}/${object.metadata.name}`).resolves.toBeUndefined();
    }
  });

  test('When it is rendered, then everything is in its own namespace, and no Secret is written in it', () => {
    const namespaces = new Set(objects().flatMap((o) => (o.kind === 'Namespace' ? [] : [o.metadata.namespace])));
    expect([...namespaces]).toEqual([overlay === 'production' ? 'tripwise' : 'tripwise-staging']);
    expect(objects().filter((o) => o.kind === 'Secret')).toEqual([]);
  });

  test('When a Deployment is rendered, then it has probes (Node processes: /ready and /health), limits and a PDB', () => {
    expect(
      deployments()
        .map((d) => d.metadata.name)
        .sort(),
    ).toEqual([...NODE_PROCESSES, 'edge'].sort());
    const budgets = objects().filter((o) => o.kind === 'PodDisruptionBudget');
    for (const deployment of deployments()) {
      const name = deployment.metadata.name;
      for (const container of deployment.spec!.template!.spec.containers) {
        expect(container.readinessProbe, name).toBeDefined();
        expect(container.livenessProbe, name).toBeDefined();
        if (NODE_PROCESSES.includes(name)) {
          expect(container.readinessProbe!.httpGet!.path, name).toBe('/ready');
          expect(container.livenessProbe!.httpGet!.path, name).toBe('/health');
        }
      }
      const labels = deployment.spec!.template!.metadata!.labels!;
      const covering = budgets.filter((b) =>
        Object.entries(b.spec!.selector!.matchLabels!).every(([k, v]) => labels[k] === v),
      );
      expect(
        covering.map((b) => b.metadata.name),
        name,
      ).toEqual([name]);
    }
  });

  test('When any pod is rendered, then every container has requests and limits, runs as non-root and is tagged, never latest', () => {
    const pods = podSpecs(objects());
    expect(pods.length).toBeGreaterThanOrEqual(deployments().length + 5);
    for (const { owner, spec } of pods) {
      for (const container of spec.containers) {
        const where = `${owner} ${container.name}`;
        expect(container.resources?.requests?.cpu, where).toBeTruthy();
        expect(container.resources?.requests?.memory, where).toBeTruthy();
        expect(container.resources?.limits?.cpu, where).toBeTruthy();
        expect(container.resources?.limits?.memory, where).toBeTruthy();
        const nonRoot = container.securityContext?.runAsNonRoot ?? spec.securityContext?.runAsNonRoot;
        const user = container.securityContext?.runAsUser ?? spec.securityContext?.runAsUser;
        expect(nonRoot, where).toBe(true);
        expect(user, where).toBeGreaterThan(0);
        expect(container.securityContext?.allowPrivilegeEscalation, where).toBe(false);
        expect(container.image, where).toMatch(/^ghcr\.io\/tripwise\/tripwise-[a-z-]+:[\w][\w.-]*$/);
        expect(container.image, where).not.toMatch(/:latest$/);
      }
    }
  });

  test('When secrets are needed, then they are referenced by name from Secrets, never given as values', () => {
    for (const { owner, spec } of podSpecs(objects())) {
      for (const { name, value, valueFrom } of spec.containers.flatMap((c) => c.env ?? [])) {
        if (/URL$|KEY$|TOKEN$|PASSWORD/.test(name) && name !== 'PAYMENTS_URL' && name !== 'LLM_BASE_URL') {
          expect({ owner, name, value }).toEqual({ owner, name, value: undefined });
          expect(valueFrom?.secretKeyRef?.name, `${owner} ${name}`).toMatch(/^tripwise-/);
        }
      }
    }
  });

  test('When load rises, then search, the gateway and the agent scale out (HorizontalPodAutoscalers)', () => {
    const scaled = objects()
      .filter((o) => o.kind === 'HorizontalPodAutoscaler')
      .map((o) => o.spec!.scaleTargetRef!.name);
    expect(scaled.sort()).toEqual(['ai-agent', 'api-gateway', 'search']);
  });

  test('When the network policies are rendered, then all traffic is denied by default and only database clients reach PostgreSQL', () => {
    const policies = objects().filter((o) => o.kind === 'NetworkPolicy');
    const deny = policies.find((p) => p.metadata.name === 'default-deny')!;
    expect(deny.spec!.podSelector).toEqual({});
    const storage = policies.find((p) => p.metadata.name === 'external-storage')!;
    const clientLabel = storage.spec!.podSelector!.matchLabels!;
    const clients = podSpecs(objects())
      .filter(({ owner }) => {
        const object = objects().find((o) => `${o.kind}/${o.metadata.name}` === owner)!;
        const labels =
          object.spec?.template?.metadata?.labels ??
          (object.spec?.jobTemplate?.spec.template as { metadata?: { labels?: Record<string, string> } })?.metadata
            ?.labels ??
          {};
        return Object.entries(clientLabel).every(([k, v]) => labels[k] === v);
      })
      .map(({ owner }) => owner)
      .sort();
    expect(clients).toEqual(
      [
        'CronJob/backup',
        'Deployment/ai-agent',
        'Deployment/auth',
        'Deployment/booking',
        'Deployment/insights',
        'Deployment/search',
        'Job/migrate-ai-agent',
        'Job/migrate-auth',
        'Job/migrate-booking',
        'Job/migrate-insights',
        'Job/migrate-search',
      ].sort(),
    );
    // Nothing else opens 5432.
    const others = policies.filter((p) => p.metadata.name !== 'external-storage');
    expect(JSON.stringify(others)).not.toContain('5432');
  });
});

test('When an object breaks the schema, then the validator says so (it is not a check that cannot fail)', async () => {
  const deployment = rendered.production!.find((o) => o.kind === 'Deployment')!;
  const broken = { ...deployment, spec: { ...deployment.spec, replicas: 'two' } } as K8sObject;
  await expect(validate(broken)).rejects.toThrow(/replicas/);
});
