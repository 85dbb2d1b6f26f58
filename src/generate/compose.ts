import { Scalar, stringify } from 'yaml';

/** Quoted, so YAML 1.1 readers do not take `10001:10001` or `3000:3000` for base-60 numbers. */
function quoted(value: string): Scalar {
  const scalar = new Scalar(value);
  scalar.type = Scalar.QUOTE_DOUBLE;
  return scalar;
}

export interface ComposeInput {
  service: string;
  user: string;
  port: number | null;
  writableDirs: string[];
  /** Health check command in exec form, or null. */
  probe: string[] | null;
  secrets: Array<{ id: string; src: string }>;
  /** Build context relative to compose.yaml; default `.`. */
  context?: string;
  /** Dockerfile relative to the context, when it is not the context's own. */
  dockerfile?: string;
}

/** compose.yaml for the generated image: the runtime half of the hardening. */
export function renderCompose(input: ComposeInput): string {
  const service: Record<string, unknown> = {
    build: {
      context: input.context ?? '.',
      ...(input.dockerfile ? { dockerfile: input.dockerfile } : {}),
      ...(input.secrets.length ? { secrets: input.secrets.map((secret) => secret.id) } : {}),
    },
    user: quoted(input.user),
    read_only: true,
    cap_drop: ['ALL'],
    security_opt: ['no-new-privileges:true'],
  };
  if (input.writableDirs.length) service.tmpfs = input.writableDirs;
  if (input.port !== null) service.ports = [quoted(`${input.port}:${input.port}`)];
  if (input.probe) {
    service.healthcheck = { test: ['CMD', ...input.probe], interval: '30s', timeout: '5s', retries: 3, start_period: '10s' };
  }
  const document: Record<string, unknown> = { services: { [input.service]: service } };
  if (input.secrets.length) {
    document.secrets = Object.fromEntries(input.secrets.map((secret) => [secret.id, { file: secret.src }]));
  }
  const header = [
    '# Runs the image with its runtime hardening: read-only root file system, no Linux capabilities,',
    '# no privilege gain through setuid binaries, a non-root user, and tmpfs for the writable directories.',
  ];
  return `${header.join('\n')}\n${stringify(document, { lineWidth: 0 })}`;
}
