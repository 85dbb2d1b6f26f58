// Entry of the lint bundle, dist/lint-<hash>.cjs: the `lint` command, with its own command line,
// and its worker threads, in one CommonJS file that loads through V8's code cache
// (src/cli/code-cache.ts). The bundle has its own copies of our error classes, so it reports its
// errors itself rather than throwing them across.
import type { MessagePort } from 'node:worker_threads';
import { lintUsage } from '../cli/commands/lint-usage.js';
import type { CommandContext } from '../cli/context.js';
import { printError } from '../cli/errors.js';
import { parseArgvWith, type Io } from '../cli/parse.js';
import { lintDockerfile } from './lint.js';
import { lintFileResult, type WorkerBatch, type WorkerMessage, type WorkerSetup } from './parallel.js';
import { formatJson } from './report/json.js';
import { formatTty } from './report/tty.js';
import { runLint, type LintCommandOptions } from './run.js';

/** `harden-init lint`: the exit code; a failure's one line is already on stderr. */
export async function runLintCommand(files: string[], options: LintCommandOptions, ctx: CommandContext): Promise<number> {
  try {
    return await runLint(files, options, ctx);
  } catch (error) {
    return printError(error, ctx.debug, ctx.stderr);
  }
}

/**
 * `harden-init lint ...` from the command line: parsed by a program that knows lint alone, so a
 * lint loads neither the other commands nor the wizard's question model. Same flags, help and
 * errors as the full command line, which declares lint from the same lintUsage.
 */
export async function runLintCli(argv: string[], io: Io): Promise<number> {
  try {
    const parsed = parseArgvWith(argv, io, { commands: [{ ...lintUsage, run: runLintCommand }] });
    if (parsed.kind === 'exit') return parsed.exitCode;
    return await parsed.def.run(parsed.args, parsed.options, parsed.ctx);
  } catch (error) {
    return printError(error, argv.includes('--debug'), io.stderr);
  }
}

/** A lint worker thread: lints the batches of files it is sent (see lintFiles). */
export function serveLintWorker(port: MessagePort, setup: WorkerSetup): void {
  port.on('message', (batch: WorkerBatch) => {
    const answer: WorkerMessage = { start: batch.start, results: batch.files.map((file) => lintFileResult(file, setup)) };
    port.postMessage(answer);
  });
  port.postMessage({ ready: true } satisfies WorkerMessage);
}

/** A Dockerfile that takes the parser, the shell reader and the rules through their common paths. */
const SAMPLE = [
  '# syntax=docker/dockerfile:1',
  'ARG NODE_VERSION=24',
  'FROM node:${NODE_VERSION}-bookworm-slim AS build',
  'WORKDIR /app',
  'ENV NODE_ENV=production PATH="/app/bin:$PATH"',
  'COPY --chown=10001:10001 package.json package-lock.json ./',
  'RUN --mount=type=cache,target=/root/.npm apt-get update && apt-get install -y --no-install-recommends curl \\',
  '    && rm -rf /var/lib/apt/lists/* && npm ci --omit=dev && pip install -r requirements.txt | tee log',
  'ADD https://example.com/tool.tar.gz /tmp/',
  'FROM gcr.io/distroless/nodejs24-debian13:nonroot',
  'LABEL org.opencontainers.image.title="app" securitytxt="https://example.com/.well-known/security.txt"',
  'COPY --from=build /app /app',
  'USER 10001:10001',
  'EXPOSE 3000/tcp',
  'HEALTHCHECK --interval=30s CMD ["node", "health.js"]',
  'ONBUILD RUN echo hi',
  'ENTRYPOINT ["node"]',
  'CMD ["/app/server.js"]',
  '',
].join('\n');

/**
 * Compiles what a lint run needs, for the code cache: a run that failed early (a missing file, a
 * bad flag) would otherwise leave a cache without the linter in it.
 */
export function compileLinter(): void {
  const findings = lintDockerfile(SAMPLE, { file: 'Dockerfile', keep: false });
  formatTty(findings, { color: false, files: ['Dockerfile'] });
  formatJson(findings);
}

export interface LintBundle {
  compileLinter: typeof compileLinter;
  runLintCommand: typeof runLintCommand;
  runLintCli: typeof runLintCli;
  serveLintWorker: typeof serveLintWorker;
}
