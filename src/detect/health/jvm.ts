// Health routes of JVM apps: Spring Boot's actuator, where the build depends on it and the
// application properties put it (base path, context path, its own port, health turned off).
import type { AppFacts } from '../types.js';
import { parseYamlDocuments } from '../parsers.js';
import { obj, type AppView } from '../view.js';
import { joinPath, type HealthScan, type HealthScanner } from './route.js';
import { escapeRegExp } from '../../text.js';

const BUILD_FILES = ['pom.xml', 'build.gradle', 'build.gradle.kts'];
const CONFIG_DIR = 'src/main/resources';
const CONFIG_FILES = ['application.properties', 'application.yml', 'application.yaml'];

interface Setting {
  value: string;
  file: string;
  line: number;
}

type Settings = Map<string, Setting>;

/** `a.b: {c: 1}` -> `a.b.c` = "1"; lists joined with commas (exposure.include: [health, info]). */
function flatten(value: unknown, prefix: string, into: Map<string, string>): void {
  const record = obj(value);
  if (record) {
    for (const [key, child] of Object.entries(record)) flatten(child, prefix ? `${prefix}.${key}` : key, into);
  } else if (Array.isArray(value)) {
    into.set(prefix, value.map(String).join(','));
  } else if (value !== null && value !== undefined) {
    into.set(prefix, String(value));
  }
}

function lineOfKey(text: string, key: string): number {
  const last = key.split('.').pop()!;
  const index = text.search(new RegExp(`(^|[\\s.])${escapeRegExp(last)}\\s*[:=]`, 'm'));
  return index === -1 ? 1 : text.slice(0, index).split('\n').length + (text[index] === '\n' ? 1 : 0);
}

/** The app's default-profile settings: application.properties, then application.yml (documents without a profile). */
function readSettings(view: AppView): Settings {
  const settings: Settings = new Map();
  for (const name of CONFIG_FILES) {
    const rel = `${CONFIG_DIR}/${name}`;
    const text = view.read(rel, 64 * 1024);
    if (!text) continue;
    const file = view.path(rel);
    if (name.endsWith('.properties')) {
      text.split('\n').forEach((raw, index) => {
        const m = /^\s*([\w.\-[\]]+)\s*[=:\s]\s*(.*?)\s*$/.exec(raw);
        if (m && !/^\s*[#!]/.test(raw) && !settings.has(m[1])) settings.set(m[1], { value: m[2], file, line: index + 1 });
      });
      continue;
    }
    for (const doc of parseYamlDocuments(text)) {
      const flat = new Map<string, string>();
      flatten(doc, '', flat);
      if (flat.has('spring.config.activate.on-profile') || flat.has('spring.profiles')) continue;
      for (const [key, value] of flat) if (!settings.has(key)) settings.set(key, { value, file, line: lineOfKey(text, key) });
    }
  }
  return settings;
}

/** A setting's value with `${VAR:default}` resolved to its default; null when it has no default. */
function valueOf(setting: Setting | undefined): string | null {
  if (!setting) return null;
  const resolved = setting.value.replace(/\$\{[^}:]*:([^}]*)\}/g, '$1');
  return resolved.includes('${') ? null : resolved.replace(/^["']|["']$/g, '');
}

function bootMajor(text: string): number {
  const version =
    /<artifactId>spring-boot-(?:starter-parent|dependencies)<\/artifactId>\s*<version>(\d+)/.exec(text) ??
    /org\.springframework\.boot['"]?\)?\s+version\s+['"](\d+)/.exec(text) ??
    /springBootVersion\s*=\s*['"](\d+)/.exec(text) ??
    /spring-boot-gradle-plugin:(\d+)/.exec(text);
  return version ? Number(version[1]) : 3;
}

export const jvmHealth: HealthScanner = {
  id: 'jvm',
  languages: ['java', 'kotlin'],
  scan(view: AppView, _facts: AppFacts): HealthScan {
    const none: HealthScan = { routes: [], notes: [] };
    const build = BUILD_FILES.find((file) => view.read(file, 256 * 1024)?.includes('spring-boot-starter-actuator'));
    if (!build) return none;
    const text = view.read(build, 256 * 1024)!;
    const depLine = text.slice(0, text.indexOf('spring-boot-starter-actuator')).split('\n').length;
    const boot1 = bootMajor(text) < 2;
    const settings = readSettings(view);
    const get = (...keys: string[]) => keys.map((key) => settings.get(key)).find(Boolean);
    const note = (setting: Setting, fact: string): HealthScan => ({ routes: [], notes: [{ file: setting.file, line: setting.line, fact }] });

    const disabled = boot1
      ? get('endpoints.health.enabled', 'endpoints.enabled')
      : get('management.endpoint.health.enabled', 'management.endpoint.health.access', 'management.endpoints.enabled-by-default');
    if (disabled && /^(false|none)$/i.test(valueOf(disabled) ?? '')) return note(disabled, `the actuator's health endpoint is turned off (${disabled.value})`);
    const include = boot1 ? undefined : get('management.endpoints.web.exposure.include');
    if (include && !/(^|,)\s*(health|\*)\s*(,|$)/.test(valueOf(include) ?? 'health')) return note(include, `management.endpoints.web.exposure.include ${include.value}: health is not served over HTTP`);
    const exclude = boot1 ? undefined : get('management.endpoints.web.exposure.exclude');
    if (exclude && /(^|,)\s*(health|\*)\s*(,|$)/.test(valueOf(exclude) ?? '')) return note(exclude, `management.endpoints.web.exposure.exclude ${exclude.value}: health is not served over HTTP`);

    const managementPort = get(boot1 ? 'management.port' : 'management.server.port');
    const serverPort = valueOf(get('server.port'));
    const ownPort = managementPort !== undefined && valueOf(managementPort) !== (serverPort ?? '8080');
    if (managementPort && ownPort) {
      return note(managementPort, `the actuator listens on ${boot1 ? 'management.port' : 'management.server.port'} ${managementPort.value}, not the app's port: no health check on it by default`);
    }

    const used: Array<[string, Setting]> = [];
    const take = (key: string, fallback: string): string | null => {
      const setting = settings.get(key);
      if (!setting) return fallback;
      used.push([key, setting]);
      return valueOf(setting);
    };
    const context = take(boot1 ? 'server.context-path' : 'server.servlet.context-path', '');
    const base = boot1 ? take('management.context-path', '') : take('management.endpoints.web.base-path', '/actuator');
    const endpoint = boot1 ? take('endpoints.health.path', '/health') : take('management.endpoints.web.path-mapping.health', 'health');
    const placeholder = used.find(([, setting]) => valueOf(setting) === null);
    if (placeholder || context === null || base === null || endpoint === null) {
      const [key, setting] = placeholder ?? used[0];
      return note(setting, `${key} ${setting.value} is set at run time: the actuator's health path is not known here`);
    }
    const path = joinPath(context, base, endpoint);
    const via = used.map(([key, setting]) => `${key}=${setting.value} in ${setting.file}:${setting.line}`).join(', ');
    return {
      routes: [{ path, file: view.path(build), line: depLine, code: `spring-boot-starter-actuator -> ${path}`, declared: true, via: via || undefined }],
      notes: [],
    };
  },
};
