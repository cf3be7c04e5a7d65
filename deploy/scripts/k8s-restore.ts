// Restores a backup in Kubernetes, in one command:
//   node deploy/scripts/k8s-restore.ts <staging|production> <backup folder, e.g. 20261207T031700Z> [schema …]
// It makes a Job from the backup CronJob as deployed (same image, database Secret and `backups` claim) whose
// command is `tripwise-restore /backups/<folder> [schema …]`, applies it and follows it to the end (30 minutes at
// most). Scale the services to zero first and back afterwards (README, "Backups and restore").
// DRY_RUN=1 with MANIFESTS=<rendered overlay> prints the Job instead, without a cluster (the tests use this).
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { parseAllDocuments } from 'yaml';
import { deployConfig } from './deploy.config.ts';

interface CronJob {
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string> };
  spec: { jobTemplate: { spec: { template: { spec: { containers: { command?: string[] }[] } } } } };
}

const [environment, folder, ...schemas] = process.argv.slice(2);
if (!environment || !folder || !/^\d{8}T\d{6}Z$/.test(folder)) {
  throw new Error('usage: k8s-restore.ts <staging|production> <backup folder: 20261207T031700Z> [schema …]');
}
const namespace = environment === 'production' ? 'tripwise' : `tripwise-${environment}`;

function kubectl(args: string[], input?: string): string {
  const result = spawnSync('kubectl', args, { input, encoding: 'utf8', timeout: 35 * 60_000 });
  if (result.status !== 0) throw new Error(`kubectl ${args.join(' ')}: ${result.stderr}`);
  return result.stdout;
}

const cronJob: CronJob = deployConfig.MANIFESTS
  ? (parseAllDocuments(readFileSync(deployConfig.MANIFESTS, 'utf8'))
      .map((d) => d.toJSON() as CronJob)
      .find((o) => o.kind === 'CronJob' && o.metadata.name === 'backup') as CronJob)
  : (JSON.parse(kubectl(['-n', namespace, 'get', 'cronjob', 'backup', '-o', 'json'])) as CronJob);
if (!cronJob) throw new Error('no backup CronJob');

const name = `restore-${folder.toLowerCase()}`;
const spec = structuredClone(cronJob.spec.jobTemplate.spec);
spec.template.spec.containers[0]!.command = ['tripwise-restore', `/backups/${folder}`, ...schemas];
const job = {
  apiVersion: 'batch/v1',
  kind: 'Job',
  metadata: { name, namespace, labels: { ...cronJob.metadata.labels, 'app.kubernetes.io/component': 'restore' } },
  spec: { ...spec, backoffLimit: 0 },
};

if (deployConfig.DRY_RUN) {
  process.stdout.write(`${JSON.stringify(job, null, 2)}\n`);
} else {
  kubectl(['apply', '-f', '-'], JSON.stringify(job));
  process.stdout.write(`restoring ${folder} in ${namespace} (job/${name})…\n`);
  const waited = spawnSync(
    'kubectl',
    ['-n', namespace, 'wait', `job/${name}`, '--for=condition=complete', '--timeout=30m'],
    {
      stdio: 'inherit',
    },
  );
  process.stdout.write(kubectl(['-n', namespace, 'logs', `job/${name}`]));
  process.exit(waited.status ?? 1);
}
