import { z } from 'zod';
import { envBoolean, parseConfig } from '@tripwise/platform/config';

/** The environment the deploy scripts and tests read (nothing else in deploy/ touches process.env). */
export function loadDeployConfig(env: NodeJS.ProcessEnv) {
  return parseConfig(
    z.object({
      /** A Docker CLI with BuildKit: Debian's /usr/bin/docker (some machines also have one without buildx first on the PATH). */
      DOCKER: z.string().min(1).default('/usr/bin/docker'),
      DOCKER_COMPOSE: z.string().min(1).default('docker-compose'),
      /** Where slow, reusable things are kept between runs (the debootstrap tarball, npm's tarball). */
      TRIPWISE_CACHE: z.string().min(1).default('/var/cache/tripwise'),
      /** The CA bundle npm needs inside a build behind a TLS-intercepting proxy; passed as a BuildKit secret. */
      NPM_CA_FILE: z.string().min(1).optional(),
      NODE_EXTRA_CA_CERTS: z.string().min(1).optional(),
      /** `tripwise/` locally; the registry's prefix in the pipeline, e.g. `ghcr.io/acme/tripwise-`. */
      IMAGE_PREFIX: z.string().min(1).default('tripwise/'),
      IMAGE_TAG: z
        .string()
        .regex(/^[\w][\w.-]{0,127}$/, 'a Docker tag')
        .optional(),
      /** `host` lets RUN steps reach the registries where containers have no route out (dockerd --iptables=false). */
      BUILD_NETWORK: z.enum(['host', 'default']).default('host'),
      /** `local`: the stand-ins of deploy/docker/local (no registry); `upstream`: the official images. */
      BASE_IMAGES: z.enum(['local', 'upstream']).optional(),
      /** A PostgreSQL superuser connection; the restore drill creates (and drops) a database of its own there. */
      DRILL_DATABASE_URL: z.url().default('postgresql://postgres@127.0.0.1:5432/postgres'),
      /** k8s-restore.ts: print the Job instead of applying it, built from this rendered overlay instead of the cluster. */
      DRY_RUN: envBoolean(false),
      MANIFESTS: z.string().min(1).optional(),
      /** CI, where an engine was started: a missing engine fails the deploy tests instead of skipping them. */
      DEPLOY_REQUIRE_DOCKER: envBoolean(false),
    }),
    env,
  );
}

export const deployConfig = loadDeployConfig(process.env);
