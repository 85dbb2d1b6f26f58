import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateFiles, serializeAnswers } from '../../src/generate/index.js';
import { lintDockerfile } from '../../src/lint/index.js';
import { appsDir, fixtureAnswers, fixtureContext, fixtureNames } from './helpers.js';

const BUNDLE = '/etc/ssl/certs/ca-certificates.crt';

async function generated(name: string, caCert: string | null = BUNDLE) {
  return generateFiles({ ...fixtureAnswers(name), caCert }, await fixtureContext(name));
}
const file = (result: ReturnType<typeof generateFiles>, name: string) => result.files.find((f) => f.path === name)!.content;

/** RUN instructions (continuations joined) with the stage they are in; the last stage is the final one. */
function runSteps(dockerfile: string): Array<{ stage: number; final: boolean; text: string }> {
  const lines = dockerfile.replace(/\\\n/g, '\u0000').split('\n');
  const stages = lines.filter((line) => line.startsWith('FROM ')).length;
  let stage = -1;
  const steps: Array<{ stage: number; final: boolean; text: string }> = [];
  for (const line of lines) {
    if (line.startsWith('FROM ')) stage++;
    if (line.startsWith('RUN ')) steps.push({ stage, final: stage === stages - 1, text: line.replace(/\u0000/g, '\\\n') });
  }
  return steps;
}

/** Commands that download packages (and so must trust the CA). */
const INSTALLER = /\b(npm (ci|install)|pnpm install|yarn (install|workspaces focus)|bun install|pip install|go mod download|cargo build|bundle install|composer install|mvn |gradle |dotnet restore|deno cache|mix (deps\.get|local\.hex)|apt-get (update|install)|apk add)/;

/** What the CA wiring adds, taken out again. */
function withoutWiring(dockerfile: string): string {
  return dockerfile
    .replace(/^# Downloads trust your CA bundle.*\n# at \/run\/secrets\/ca .*\n/m, '')
    .replace(/ --secret id=ca,src=\S+/, '')
    .replace(/ --mount=type=tmpfs,target=\/tmp\/ca/g, '')
    .replace(/ --mount=type=secret,id=ca(,mode=0444)? \\\n {4}if \[ -f \/run\/secrets\/ca \]; then (.*; fi; \\\n|\\\n(( {6}.*\\\n)+) {4}fi; \\\n) {3}/g, '');
}

describe('--ca-cert: the bundle reaches every install step as the optional secret "ca"', () => {
  for (const name of fixtureNames()) {
    it(`${name}: every build-stage download trusts it, one comment explains it, lint stays clean, and nothing else changes`, async () => {
      const dockerfile = file(await generated(name), 'Dockerfile');
      expect(lintDockerfile(dockerfile, { strict: true }).map((f) => `${f.line}: ${f.code} ${f.message}`)).toEqual([]);
      const installs = runSteps(dockerfile).filter((step) => INSTALLER.test(step.text));
      if (installs.length === 0) {
        // Nothing is downloaded (the standard library, a plain static site): nothing to wire, nothing to pass.
        expect(dockerfile).toBe(readFileSync(path.join(appsDir, name, 'expected', 'Dockerfile'), 'utf8'));
        return;
      }
      for (const step of installs) {
        expect(step.text, step.text).toMatch(/ --mount=type=secret,id=ca(,mode=0444)? \\\n {4}if \[ -f \/run\/secrets\/ca \]; then /);
      }
      expect(installs.filter((step) => !step.final).length).toBeGreaterThan(0);
      expect(dockerfile.match(/^# Downloads trust your CA bundle/gm)).toHaveLength(1);
      expect(dockerfile).toMatch(/^# Build: .* --secret id=ca,src=\/etc\/ssl\/certs\/ca-certificates\.crt /m);
      // The secret is never copied anywhere, and the final image gets nothing from /run/secrets or /tmp/ca.
      expect(dockerfile).not.toMatch(/\b(cp|cat|COPY)\b[^\n]*\/run\/secrets\/ca/);
      // Without the wiring, the Dockerfile is exactly the one generated without a CA (the golden file).
      expect(withoutWiring(dockerfile)).toBe(readFileSync(path.join(appsDir, name, 'expected', 'Dockerfile'), 'utf8'));
    });
  }

  it('each installer reads the bundle through its own variable, set only when the secret is mounted', async () => {
    const trust = async (name: string) => [...file(await generated(name), 'Dockerfile').matchAll(/if \[ -f \/run\/secrets\/ca \]; then (export [^;]+);/g)].map((m) => m[1]);
    expect(await trust('node-express')).toEqual(['export NODE_EXTRA_CA_CERTS=/run/secrets/ca']);
    expect(await trust('node-next')).toEqual(['export NODE_EXTRA_CA_CERTS=/run/secrets/ca', 'export NODE_EXTRA_CA_CERTS=/run/secrets/ca']);
    expect(await trust('node-bun')).toContain('export NODE_EXTRA_CA_CERTS=/run/secrets/ca');
    expect(await trust('python-flask-poetry')).toEqual(['export PIP_CERT=/run/secrets/ca REQUESTS_CA_BUNDLE=/run/secrets/ca', 'export PIP_CERT=/run/secrets/ca']);
    expect(await trust('python-fastapi-uv')).toContain('export PIP_CERT=/run/secrets/ca SSL_CERT_FILE=/run/secrets/ca');
    expect(await trust('go-http')).toEqual(['export SSL_CERT_FILE=/run/secrets/ca GIT_SSL_CAINFO=/run/secrets/ca']);
    expect(await trust('rust-axum')).toEqual(['export CARGO_HTTP_CAINFO=/run/secrets/ca']);
    expect(await trust('ruby-sinatra')).toContain('export SSL_CERT_FILE=/run/secrets/ca');
    expect(await trust('php-laravel')).toEqual(['export COMPOSER_CAFILE=/run/secrets/ca']);
    expect(await trust('dotnet-webapi')).toEqual(['export SSL_CERT_FILE=/run/secrets/ca']);
    expect(await trust('deno-oak')).toEqual(['export DENO_CERT=/run/secrets/ca']);
    expect(await trust('elixir-phoenix')).toEqual(['export HEX_CACERTS_PATH=/run/secrets/ca', 'export HEX_CACERTS_PATH=/run/secrets/ca']);
    // apt: an APT_CONFIG file on a tmpfs; the bundle readable by the _apt user that downloads.
    const rails = file(await generated('ruby-rails'), 'Dockerfile');
    expect(rails).toContain('--mount=type=tmpfs,target=/tmp/ca --mount=type=secret,id=ca,mode=0444 \\\n    if [ -f /run/secrets/ca ]; then \\\n      echo \'Acquire::https::CaInfo "/run/secrets/ca";\' > /tmp/ca/apt.conf; \\\n      export APT_CONFIG=/tmp/ca/apt.conf; \\\n    fi; \\\n    apt-get update');
    // JVM: one PKCS12 truststore, on a tmpfs, for every JVM of the step.
    const maven = file(await generated('java-spring-maven'), 'Dockerfile');
    expect(maven).toContain('--mount=type=tmpfs,target=/tmp/ca --mount=type=secret,id=ca \\\n    if [ -f /run/secrets/ca ]; then \\\n      printf');
    expect(maven).toContain('java /tmp/ca/Trust.java /run/secrets/ca /tmp/ca/trust.p12 || exit 1; \\\n      export JAVA_TOOL_OPTIONS="-Djavax.net.ssl.trustStore=/tmp/ca/trust.p12 -Djavax.net.ssl.trustStorePassword=changeit"; \\\n    fi; \\\n    mvn -B -q dependency:go-offline');
  });

  it('without a CA the files are as they always were: no wiring, no caCert in .harden-init.json', async () => {
    const result = await generated('node-express', null);
    expect(file(result, 'Dockerfile')).not.toMatch(/id=ca\b|\/run\/secrets\/ca/);
    expect(file(result, '.harden-init.json')).not.toContain('caCert');
    expect(file(result, 'compose.yaml')).not.toMatch(/\bca\b/);
  });

  it('with one, the answers keep it, compose builds with it, and the notes say how to pass it', async () => {
    const result = await generated('node-express');
    expect(JSON.parse(file(result, '.harden-init.json')).caCert).toBe(BUNDLE);
    expect(serializeAnswers({ ...fixtureAnswers('node-express'), caCert: BUNDLE })).toBe(file(result, '.harden-init.json'));
    expect(file(result, 'compose.yaml')).toMatch(/build:\n\s+context: \.\n\s+secrets:\n\s+- ca\n/);
    expect(file(result, 'compose.yaml')).toContain(`secrets:\n  ca:\n    file: ${BUNDLE}\n`);
    expect(result.notes).toContain(`build with: DOCKER_BUILDKIT=1 docker build --secret id=ca,src=${BUNDLE} .  (the CA bundle the downloads trust; harden-init build passes it)`);
  });

  it('a bundle kept inside the app stays out of the build context, so COPY . . cannot ship it', async () => {
    const result = await generated('node-express', 'certs/corp-ca.crt');
    expect(file(result, '.dockerignore').split('\n')).toContain('certs/corp-ca.crt');
    expect(file(result, 'Dockerfile')).toContain('--secret id=ca,src=certs/corp-ca.crt');
  });
});
