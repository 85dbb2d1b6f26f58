import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { detect, detectRepo, snapshotFromFiles } from '../../src/detect/index.js';
import { generateFiles } from '../../src/generate/index.js';
import { resolveAnswers } from '../../src/questions/resolve.js';
import { fixturesDir } from '../helpers/paths.js';
import { fixtureContext } from './helpers.js';

const now = new Date('2026-01-10T00:00:00Z');
const flags = { contact: 'mailto:security@example.com', pin: false };

describe('a detected health route reaches the generated files', () => {
  it('becomes the HEALTHCHECK of the Dockerfile and the healthcheck of compose.yaml (--yes)', async () => {
    const detection = await detect(path.join(fixturesDir, 'detect/express-api'));
    expect(detection.healthcheck).toBe('/health');
    const answers = resolveAnswers({ flags, detection, now });
    expect(answers.healthcheck).toBe('/health');
    const files = generateFiles(answers, await fixtureContext('node-express', {})).files;
    const dockerfile = files.find((file) => file.path === 'Dockerfile')!.content;
    expect(dockerfile).toContain('# Probes /health with a tool the image already has');
    expect(dockerfile).toMatch(/^HEALTHCHECK .*http:\/\/127\.0\.0\.1:8080\/health'/m);
    expect(files.find((file) => file.path === 'compose.yaml')!.content).toMatch(/healthcheck:\n\s+test:\n(\s+- .*\n)*\s+- .*http:\/\/127\.0\.0\.1:8080\/health'/);
  });

  it('where the base cannot probe (the JVM), the comment names the request for the orchestrator', async () => {
    const pom = '<project><parent><groupId>org.springframework.boot</groupId><artifactId>spring-boot-starter-parent</artifactId><version>3.3.0</version></parent><artifactId>demo</artifactId><version>1.0</version>\n<dependencies><dependency><artifactId>spring-boot-starter-actuator</artifactId></dependency></dependencies></project>\n';
    const detection = detectRepo(snapshotFromFiles({ 'pom.xml': pom, 'src/main/java/App.java': 'class App {}\n' }));
    const answers = resolveAnswers({ flags, detection, now });
    expect(answers.healthcheck).toBe('/actuator/health');
    const dockerfile = generateFiles(answers, await fixtureContext('java-spring-maven', {})).files.find((file) => file.path === 'Dockerfile')!.content;
    expect(dockerfile).toContain("use the orchestrator's HTTP probe: GET /actuator/health on port 8080.\nHEALTHCHECK NONE");
  });
});
