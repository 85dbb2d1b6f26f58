import { describe, expect, it } from 'vitest';
import { detectFiles } from '../helpers.js';
import { healthLine } from './helpers.js';

const pom = (boot = '3.3.4', deps = ['spring-boot-starter-web', 'spring-boot-starter-actuator']) =>
  [
    '<project>',
    '  <parent>',
    '    <groupId>org.springframework.boot</groupId>',
    '    <artifactId>spring-boot-starter-parent</artifactId>',
    `    <version>${boot}</version>`,
    '  </parent>',
    '  <artifactId>demo</artifactId>',
    '  <version>1.0.0</version>',
    '  <dependencies>',
    ...deps.map((dep) => `    <dependency><groupId>org.springframework.boot</groupId><artifactId>${dep}</artifactId></dependency>`),
    '  </dependencies>',
    '</project>',
  ].join('\n');

const spring = (files: Record<string, string>, build: Record<string, string> = { 'pom.xml': pom() }) => detectFiles({ ...build, 'src/main/java/demo/App.java': 'class App {}\n', ...files });

describe('health routes of Spring Boot apps: the actuator', () => {
  it('finds spring-boot-starter-actuator: /actuator/health, with the line of the dependency', () => {
    const d = spring({});
    expect(d.healthcheck).toBe('/actuator/health');
    expect(healthLine(d)).toBe('pom.xml:11: health route spring-boot-starter-actuator -> /actuator/health');
    const gradle = spring({}, { 'build.gradle.kts': 'plugins {\n    id("org.springframework.boot") version "3.2.0"\n}\ndependencies {\n    implementation("org.springframework.boot:spring-boot-starter-actuator")\n}\n', 'settings.gradle.kts': 'rootProject.name = "demo"\n' });
    expect(gradle.healthcheck).toBe('/actuator/health');
  });

  it('honours the base path, the path mapping and the servlet context path, in properties or YAML', () => {
    const properties = spring({ 'src/main/resources/application.properties': '# ops\nserver.port=8080\nmanagement.endpoints.web.base-path=/manage\n' });
    expect(properties.healthcheck).toBe('/manage/health');
    expect(healthLine(properties)).toBe('pom.xml:11: health route spring-boot-starter-actuator -> /manage/health (management.endpoints.web.base-path=/manage in src/main/resources/application.properties:3)');
    const yaml = spring({ 'src/main/resources/application.yml': 'server:\n  servlet:\n    context-path: /api\nmanagement:\n  endpoints:\n    web:\n      path-mapping:\n        health: healthz\n---\nspring:\n  config:\n    activate:\n      on-profile: dev\nmanagement:\n  endpoints:\n    web:\n      base-path: /dev\n' });
    expect(yaml.healthcheck).toBe('/api/actuator/healthz');
  });

  it('knows Spring Boot 1 served /health at the root', () => {
    const d = spring({}, { 'build.gradle': "buildscript {\n  ext { springBootVersion = '1.5.9.RELEASE' }\n}\ndependencies {\n  compile('org.springframework.boot:spring-boot-starter-actuator')\n}\n" });
    expect(d.healthcheck).toBe('/health');
    expect(spring({ 'src/main/resources/application.properties': 'management.context-path=/admin\n' }, { 'pom.xml': pom('1.5.22.RELEASE') }).healthcheck).toBe('/admin/health');
  });

  it('does not default to the actuator on its own port, turned off, not exposed, or at a run-time path', () => {
    const ownPort = spring({ 'src/main/resources/application.properties': 'management.server.port=8081\n' });
    expect(ownPort.healthcheck).toBeNull();
    expect(ownPort.evidence).toContainEqual({ file: 'src/main/resources/application.properties', line: 1, fact: "the actuator listens on management.server.port 8081, not the app's port: no health check on it by default" });
    expect(spring({ 'src/main/resources/application.properties': 'server.port=9090\nmanagement.server.port=9090\n' }).healthcheck).toBe('/actuator/health');
    expect(spring({ 'src/main/resources/application.properties': 'management.endpoint.health.enabled=false\n' }).healthcheck).toBeNull();
    expect(spring({ 'src/main/resources/application.yml': 'management:\n  endpoints:\n    web:\n      exposure:\n        include: info,metrics\n' }).healthcheck).toBeNull();
    expect(spring({ 'src/main/resources/application.properties': 'management.endpoints.web.base-path=${ACTUATOR_PATH}\n' }).healthcheck).toBeNull();
    expect(spring({ 'src/main/resources/application.properties': 'management.endpoints.web.base-path=${ACTUATOR_PATH:/ops}\n' }).healthcheck).toBe('/ops/health');
  });

  it('does not find a health route without the actuator', () => {
    expect(spring({}, { 'pom.xml': pom('3.3.4', ['spring-boot-starter-web']) }).healthcheck).toBeNull();
  });
});
