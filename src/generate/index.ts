import { Eta } from 'eta/core';
import { SCRATCH, fromReference } from './base.js';
import { renderCompose } from './compose.js';
import { caSecretSpec, caWiring, CA_SECRET_ID } from './ca.js';
import { buildDockerignore } from './dockerignore.js';
import { finalBaseNote } from './notes.js';
import { planSecret, secretIds, type SecretPlan } from './secrets.js';
import { STACKS } from './stacks/index.js';
import { execForm } from './stacks/common.js';
import type { StackInput, StackPlan } from './stacks/types.js';
import { GenerateError, type Answers, type BaseImageChoice, type GenerateContext, type GenerateResult, type TemplateSet } from './types.js';
import { CONTACT_LABEL, SECURITYTXT_LABEL } from '../securitytxt/labels.js';
import { renderSecurityTxt } from '../securitytxt/render.js';
import { imageNames } from '../eol/image-ref.js';
import { endOfLife } from '../eol/status.js';
import { toDay } from '../eol/table.js';
import { runtimeStackOf, stackProduct } from './base.js';

export * from './types.js';
export { buildDockerignore, gitignoreToDocker, isIgnored, SECRET_PATTERNS } from './dockerignore.js';
export { mirrorRef, fromReference, pickImage, BASE_IMAGES } from './base.js';
export { CA_SECRET_ID, CA_SECRET_PATH, caSecretSpec } from './ca.js';

const HEALTH_TIMING = '--interval=30s --timeout=5s --start-period=10s --retries=3';

/** The stack plan for these answers (which template, stages, commands), before any text is rendered. */
export function planStack(answers: Answers, context: Pick<GenerateContext, 'repoFiles' | 'appMetadata' | 'today' | 'workspaceApp'>): { plan: StackPlan; secrets: SecretPlan[] } {
  const stack = STACKS[answers.language];
  if (!stack) throw new GenerateError('language', `no template for "${answers.language}"`, `use one of ${Object.keys(STACKS).join(', ')}`);
  const files = new Set(context.repoFiles);
  const secrets = secretIds(answers.buildSecrets, context.repoFiles, context.appMetadata?.texts, answers.language).map(planSecret);
  const input: StackInput = {
    answers,
    files,
    meta: context.appMetadata ?? {},
    secretMounts: secrets.map((secret) => secret.mount).join(' '),
    base: answers.base,
    today: toDay(context.today),
    workspaceApp: context.workspaceApp ?? null,
  };
  return { plan: stack(input), secrets };
}

/** What has reached its end of life among the runtime the answers pin and the final base's OS and runtime. */
export function endOfLifeNotes(answers: Answers, finalImage: string, today: string): string[] {
  const notes: string[] = [];
  const product = stackProduct(runtimeStackOf(answers.language, answers.packageManager));
  const pinned = product ? endOfLife(product, answers.runtimeVersion, { today }) : null;
  if (pinned) notes.push(`${pinned.message}: pass --runtime-version ${pinned.replacement?.cycle ?? '<a supported version>'} to move to it`);
  const names = imageNames(finalImage);
  for (const named of [names.runtime, names.os]) {
    const ended = named ? endOfLife(named.product, named.version, { today }) : null;
    if (ended && !(pinned && named?.product === pinned.product)) notes.push(`the final base ${finalImage}: ${ended.message}`);
  }
  return notes;
}

/** Upstream base references these answers need (what the adapter resolves digests for). */
export function baseImagesFor(answers: Answers, context: Pick<GenerateContext, 'repoFiles' | 'appMetadata' | 'today' | 'workspaceApp'>): string[] {
  const { plan } = planStack(answers, context);
  return [...new Set(plan.stages.map((stage) => stage.image).filter((image) => image !== SCRATCH))];
}

/** Label values go in double quotes; `$` would expand and `"`/`\` would end the value. */
function labelValue(value: string): string {
  return `"${value.replace(/[\\"$]/g, (char) => `\\${char}`).replace(/\n/g, ' ')}"`;
}

/** Where security.txt is served: the answer, else Canonical, else the host of an https Contact or Policy. */
export function securityTxtUrl(answers: Answers): string | null {
  const { url, canonical, contact, policy } = answers.security;
  if (url) return url;
  if (canonical) return canonical;
  for (const candidate of [contact, policy]) {
    const match = candidate ? /^https:\/\/([^/\s]+)/.exec(candidate) : null;
    if (match) return `https://${match[1]}/.well-known/security.txt`;
  }
  return null;
}

function labelsFor(answers: Answers, title: string): Array<[string, string]> {
  const image = { ...answers.image, title };
  const labels: Array<[string, string]> = [];
  const add = (key: string, value: string | undefined) => {
    if (value) labels.push([key, labelValue(value)]);
  };
  add('org.opencontainers.image.title', image.title);
  add('org.opencontainers.image.description', image.description);
  add('org.opencontainers.image.version', image.version);
  add('org.opencontainers.image.source', image.source);
  labels.push(['org.opencontainers.image.revision', '"${REVISION}"']);
  labels.push(['org.opencontainers.image.created', '"${CREATED}"']);
  add('org.opencontainers.image.licenses', image.licenses);
  add('org.opencontainers.image.vendor', image.vendor);
  const url = securityTxtUrl(answers);
  add(SECURITYTXT_LABEL, url ?? undefined);
  // Without a public security.txt the image still says who to tell: the Contact itself.
  if (!url) add(CONTACT_LABEL, answers.security.contact);
  return labels;
}

/**
 * `.harden-init.json`: the answers with keys sorted at every level, so a replay is byte for byte.
 * A null caCert (no CA, the common case) is left out, so answer files without one stay as they were.
 */
export function serializeAnswers(answers: Answers): string {
  const sort = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(sort);
    if (value && typeof value === 'object') {
      return Object.fromEntries(
        Object.keys(value as Record<string, unknown>)
          .sort()
          .filter((key) => (value as Record<string, unknown>)[key] !== undefined)
          .map((key) => [key, sort((value as Record<string, unknown>)[key])]),
      );
    }
    return value;
  };
  const { caCert, ...rest } = answers;
  return `${JSON.stringify(sort(caCert === null ? rest : answers), null, 2)}\n`;
}

function templateEngine(templates: TemplateSet): Eta {
  const eta = new Eta({ autoEscape: false, autoTrim: false, useWith: false, cache: false });
  for (const [name, text] of Object.entries(templates)) {
    eta.loadTemplate(`@${name.replace(/\.eta$/, '')}`, text);
  }
  return eta;
}

function serviceName(answers: Answers, fallback?: string): string {
  const name = (answers.image.title ?? fallback ?? 'app').toLowerCase().replace(/[^a-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '');
  return name || 'app';
}

/**
 * Turns answers into the files harden-init writes. Pure and deterministic: same answers and
 * context, byte-identical files. Throws GenerateError naming the answer that cannot work.
 */
export function generateFiles(answers: Answers, context: GenerateContext): GenerateResult {
  if (!answers.security.expires) {
    throw new GenerateError('security.expires', 'is required for security.txt', 'give --expires <ISO 8601 date>, at most one year ahead');
  }
  const { plan, secrets } = planStack(answers, context);
  const notes: string[] = [...plan.notes];
  const registry = answers.registry;
  const baseImages: BaseImageChoice[] = [];
  let unpinned = 0;
  const stages = Object.fromEntries(
    plan.stages.map((stage) => {
      const digest = stage.image === SCRATCH ? undefined : context.pins[stage.image];
      const ref = stage.image === SCRATCH ? SCRATCH : fromReference(stage.image, registry, digest);
      let pinNote: string | null = null;
      if (stage.image !== SCRATCH && !digest) {
        unpinned++;
        pinNote = context.pinSkipped === 'no-pin' || !answers.pin
          ? 'Tag only (--no-pin): pin it with `harden-init --answers .harden-init.json` online, or append @sha256:<digest>.'
          : 'Tag only: the registry was unreachable. Pin it by re-running harden-init online, or append @sha256:<digest>.';
      }
      baseImages.push({ stage: stage.name, ref, reason: stage.reason });
      return [stage.name, { name: stage.name, ref, reason: stage.reason, pinNote }];
    }),
  );
  if (unpinned > 0) {
    notes.push(
      context.pinSkipped === 'no-pin' || !answers.pin
        ? 'base images keep their version tags (--no-pin): a tag can move; a digest cannot'
        : 'base images could not be pinned to a digest (registry unreachable): the Dockerfile keeps the tags with a comment on how to pin',
    );
  }
  const finalStage = plan.stages[plan.stages.length - 1];
  notes.push(finalBaseNote(finalStage.reason));
  if (finalStage.image !== SCRATCH) notes.push(...endOfLifeNotes(answers, finalStage.image, toDay(context.today)));

  const title = answers.image.title ?? context.appMetadata?.name ?? 'app';
  const user = `${answers.uid}:${answers.uid}`;
  const writableDirs = [...new Set([...answers.writableDirs, ...plan.runtimeWritable])];
  // /tmp already exists world-writable with the sticky bit, except in scratch.
  const createDirs = writableDirs.filter((dir) => dir !== '/tmp' || finalStage.image === SCRATCH);
  const probe = plan.probe;
  const workspaceApp = context.workspaceApp ?? null;
  const data = {
    answers,
    title,
    stages,
    s: plan.slots,
    appDir: answers.appDir,
    user,
    uid: answers.uid,
    port: plan.port ?? answers.port,
    env: plan.env.map(([key, value]) => [key, /^[\w./:@,+-]*$/.test(value) ? value : JSON.stringify(value)]),
    buildLine: [
      'DOCKER_BUILDKIT=1 docker build',
      '--build-arg CREATED="$(date -u +%Y-%m-%dT%H:%M:%SZ)" --build-arg REVISION="$(git rev-parse HEAD)"',
      ...secrets.map((secret) => `--secret id=${secret.id},src=${secret.src}`),
      ...(answers.caCert ? [`--secret ${caSecretSpec(answers.caCert)}`] : []),
      ...(workspaceApp ? [`-f ${workspaceApp}/Dockerfile`] : []),
      `-t ${serviceName(answers, context.appMetadata?.name)} .`,
    ].join(' '),
    workspaceApp,
    labels: labelsFor(answers, title),
    securityTxtMissing: securityTxtUrl(answers) === null,
    secretMounts: secrets.map((secret) => secret.mount).join(' '),
    secretIds: secrets.map((secret) => secret.id),
    ca: caWiring(answers.caCert !== null),
    writable: { dirs: createDirs, shell: plan.finalHasShell },
    healthcheck: probe
      ? { line: `HEALTHCHECK ${HEALTH_TIMING} CMD ${execForm(probe)}`, reason: null }
      : { line: 'HEALTHCHECK NONE', reason: plan.noProbeReason },
    entrypoint: plan.entrypoint ? execForm(plan.entrypoint) : null,
    cmd: plan.cmd.length || !plan.entrypoint ? execForm(plan.cmd) : null,
  };
  const templateName = `@${plan.template}/Dockerfile`;
  if (!context.templates[`${plan.template}/Dockerfile.eta`]) {
    throw new GenerateError('language', `template ${plan.template}/Dockerfile.eta is missing`, 'add it to --template-dir or drop --template-dir to use the built-in one');
  }
  let dockerfile = templateEngine(context.templates).render(templateName, data).replace(/\n{3,}/g, '\n\n');
  // A stack with nothing to download (the standard library, a plain static site) has no step to trust the CA.
  const caUsed = answers.caCert !== null && dockerfile.includes(`--mount=type=secret,id=${CA_SECRET_ID}`) ? answers.caCert : null;
  if (answers.caCert !== null && !caUsed) dockerfile = dockerfile.replace(` --secret ${caSecretSpec(answers.caCert)}`, '');

  // A CA bundle kept inside the app would reach the image through `COPY . .`.
  const caInApp = answers.caCert !== null && !answers.caCert.startsWith('/') && !answers.caCert.startsWith('..') ? [answers.caCert.replace(/^\.\//, '')] : [];
  const ignore = buildDockerignore({
    stackIgnore: [...plan.ignore, ...caInApp],
    gitignore: context.gitignore,
    keep: [...plan.copySources, ...plan.requiredFiles],
    repoFiles: context.repoFiles,
  });
  if (ignore.secretFiles.length) {
    notes.push(`secret-looking files kept out of the image by .dockerignore: ${ignore.secretFiles.join(', ')}`);
  }
  for (const path of ignore.reincluded) notes.push(`.dockerignore re-includes ${path}: the Dockerfile copies it`);
  for (const path of ignore.blocked) notes.push(`${path} looks like a secret and stays out of the build context: give it with docker build --secret instead`);
  for (const secret of secrets) {
    notes.push(`build with: DOCKER_BUILDKIT=1 docker build --secret id=${secret.id},src=${secret.src} .  (${secret.what})`);
  }
  if (caUsed) {
    notes.push(`build with: DOCKER_BUILDKIT=1 docker build --secret ${caSecretSpec(caUsed)} .  (the CA bundle the downloads trust; harden-init build passes it)`);
  }
  if (!securityTxtUrl(answers)) {
    notes.push(`no public URL for security.txt: the image names its contact in a ${CONTACT_LABEL} label instead of securitytxt (give --security-url)`);
  }

  const files = [
    { path: 'Dockerfile', content: dockerfile },
    // Built from the workspace root, the Dockerfile's own ignore file applies (BuildKit reads <Dockerfile>.dockerignore first).
    { path: workspaceApp ? 'Dockerfile.dockerignore' : '.dockerignore', content: ignore.content },
    {
      path: '.well-known/security.txt',
      content: renderSecurityTxt({
        contact: answers.security.contact,
        expires: answers.security.expires,
        preferredLanguages: answers.security.preferredLanguages,
        policy: answers.security.policy,
        canonical: answers.security.canonical,
      }),
    },
  ];
  if (answers.compose) {
    files.push({
      path: 'compose.yaml',
      content: renderCompose({
        service: serviceName(answers, context.appMetadata?.name),
        user,
        port: plan.port ?? answers.port,
        writableDirs,
        probe,
        secrets: [...secrets.map((secret) => ({ id: secret.id, src: secret.src })), ...(caUsed ? [{ id: CA_SECRET_ID, src: caUsed }] : [])],
        ...(workspaceApp ? { context: workspaceApp.split('/').map(() => '..').join('/'), dockerfile: `${workspaceApp}/Dockerfile` } : {}),
      }),
    });
  }
  files.push({ path: '.harden-init.json', content: serializeAnswers(answers) });
  return { files, notes, baseImages };
}
