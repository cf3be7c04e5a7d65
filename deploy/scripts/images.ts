import { join } from 'node:path';
import { loadStackConfig } from '../../scripts/stack/config.ts';
import { ENTRY_POINTS, NODE_FLAGS, REPO_ROOT, type ProcessName } from '../../scripts/stack/processes.ts';

/**
 * Every image Tripwise ships, described once for the build script, the compose files' checks and the tests.
 * The gateway and the services share deploy/docker/service.Dockerfile: their folder, Node flags and usual port come
 * from scripts/stack (the agent's --max-semi-space-size is written only there).
 */
export interface ImageSpec {
  name: string;
  dockerfile: string;
  buildArgs: Record<string, string>;
  /** Built from the repository's own code (pushed by the deploy pipeline), or a helper for compose only. */
  kind: 'process' | 'edge' | 'helper';
}

const DOCKER_DIR = join(REPO_ROOT, 'deploy', 'docker');
const PROCESSES = Object.keys(ENTRY_POINTS) as ProcessName[];

/** The usual port of each process, as `npm start` uses it (scripts/stack/config.ts's defaults). */
export function defaultPorts(): Record<ProcessName, number> {
  const defaults = loadStackConfig({});
  return {
    'api-gateway': defaults.PORT,
    auth: defaults.AUTH_PORT,
    search: defaults.SEARCH_PORT,
    booking: defaults.BOOKING_PORT,
    'ai-agent': defaults.AI_AGENT_PORT,
    insights: defaults.INSIGHTS_PORT,
  };
}

/** `services/auth/src/index.ts` → `services/auth`. */
export function workspaceOf(name: ProcessName): string {
  return ENTRY_POINTS[name].replace(/\/src\/index\.ts$/, '');
}

export function imageSpecs(baseImages: BaseImages): ImageSpec[] {
  const ports = defaultPorts();
  const serverWorkspaces = PROCESSES.map(workspaceOf).join(' ');
  const processImages = PROCESSES.map((name): ImageSpec => ({
    name,
    kind: 'process',
    dockerfile: join(DOCKER_DIR, 'service.Dockerfile'),
    buildArgs: {
      NODE_IMAGE: baseImages.node,
      WORKSPACE: workspaceOf(name),
      SERVER_WORKSPACES: serverWorkspaces,
      NODE_FLAGS: NODE_FLAGS[name].join(' '),
      PORT: String(ports[name]),
    },
  }));
  return [
    ...processImages,
    {
      name: 'edge',
      kind: 'edge',
      dockerfile: join(DOCKER_DIR, 'edge.Dockerfile'),
      buildArgs: {
        NODE_IMAGE: baseImages.node,
        NGINX_IMAGE: baseImages.nginx,
        GATEWAY: `api-gateway:${ports['api-gateway']}`,
      },
    },
    {
      name: 'backup',
      kind: 'helper',
      dockerfile: join(DOCKER_DIR, 'backup.Dockerfile'),
      buildArgs: { POSTGRES_IMAGE: baseImages.postgres },
    },
    {
      name: 'smtp-catcher',
      kind: 'helper',
      dockerfile: join(DOCKER_DIR, 'smtp-catcher.Dockerfile'),
      buildArgs: { NODE_IMAGE: baseImages.node },
    },
  ];
}

export interface BaseImages {
  node: string;
  nginx: string;
  postgres: string;
}

/** The official images everyone else builds on, and the local stand-ins of deploy/docker/local/build-bases.sh. */
export const UPSTREAM_BASES: BaseImages = {
  node: 'node:24-bookworm-slim',
  nginx: 'nginx:1.28-bookworm',
  postgres: 'postgres:17-bookworm',
};
export const LOCAL_BASES: BaseImages = {
  node: 'tripwise-local/node:24-bookworm-slim',
  nginx: 'tripwise-local/nginx:bookworm',
  postgres: 'tripwise-local/postgres:15',
};

/** `tripwise/auth:<tag>`, or under a registry prefix such as `ghcr.io/acme/tripwise-`. */
export function imageRef(prefix: string, name: string, tag: string): string {
  return `${prefix}${name}:${tag}`;
}
