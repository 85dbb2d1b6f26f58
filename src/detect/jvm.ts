// What Java and Kotlin share: Maven or Gradle, the JDK version, the framework, the jar to run.
import { Findings, firstLineSource, miseSources, pinnedVersion, procfileWeb, toolVersionsSource, type StackMatch, type VersionSource } from './stack.js';
import { obj, str, type AppView, type Obj } from './view.js';

const GRADLE_FILES = ['build.gradle', 'build.gradle.kts', 'settings.gradle', 'settings.gradle.kts'];

export interface JvmProject {
  tool: 'maven' | 'gradle';
  found: Findings;
  /** Kotlin is the app's language: the Kotlin plugin plus Kotlin sources. */
  kotlin: boolean;
  match: Omit<StackMatch, 'language' | 'confidence'>;
}

function javaVersionText(raw: string): string | null {
  const match = /(\d+(?:\.\d+)*)/.exec(raw);
  if (!match) return null;
  return match[1].startsWith('1.') ? match[1].split('.')[1] : match[1];
}

function pomProperty(pom: Obj | undefined, names: string[]): { name: string; value: string } | null {
  const props = obj(obj(pom?.project)?.properties);
  for (const name of names) {
    const value = str(props?.[name]);
    if (value && !value.includes('${')) return { name, value };
  }
  return null;
}

const MAVEN_VERSION: VersionSource = {
  file: 'pom.xml',
  extract(view, path) {
    const pom = obj(view.session.parse(path, 'xml'));
    const prop = pomProperty(pom, ['java.version', 'maven.compiler.release', 'maven.compiler.source', 'maven.compiler.target', 'jdk.version']);
    return prop ? { raw: prop.value, field: prop.name } : null;
  },
};

function gradleVersion(file: string): VersionSource {
  return {
    file,
    extract(view, path) {
      const text = view.session.snapshot.read(path, 128 * 1024) ?? '';
      const patterns: Array<[RegExp, string]> = [
        [/JavaLanguageVersion\.of\(\s*["']?(\d+)/, 'toolchain languageVersion'],
        [/jvmToolchain\(\s*(\d+)/, 'jvmToolchain'],
        [/sourceCompatibility\s*=?\s*(?:JavaVersion\.VERSION_)?["']?(\d+(?:[._]\d+)?)/, 'sourceCompatibility'],
        [/targetCompatibility\s*=?\s*(?:JavaVersion\.VERSION_)?["']?(\d+(?:[._]\d+)?)/, 'targetCompatibility'],
      ];
      for (const [pattern, field] of patterns) {
        const match = pattern.exec(text);
        if (match) return { raw: match[1].replace('_', '.'), field };
      }
      return null;
    },
  };
}

const SYSTEM_PROPERTIES: VersionSource = {
  file: 'system.properties',
  extract(view, path) {
    const match = /^java\.runtime\.version\s*=\s*(\S+)/m.exec(view.session.snapshot.read(path, 4096) ?? '');
    return match ? { raw: match[1], field: 'java.runtime.version' } : null;
  },
};

function springPort(view: AppView, found: Findings): number | null {
  for (const file of ['src/main/resources/application.properties', 'src/main/resources/application.yml', 'src/main/resources/application.yaml']) {
    const text = view.read(file, 32 * 1024);
    if (!text) continue;
    const match = /^(?:server\.port|quarkus\.http\.port|micronaut\.server\.port)\s*[=:]\s*(?:\$\{[\w.]+:)?(\d{2,5})/m.exec(text) ?? /^server:\s*\n(?:[ \t]+.*\n)*?[ \t]+port:\s*(?:\$\{\w+:)?(\d{2,5})/m.exec(text);
    if (match) {
      found.note(view.path(file), `server port ${match[1]}`);
      return Number(match[1]);
    }
  }
  return null;
}

/** Reads a Maven or Gradle project in the view; null when there is neither. */
export function readJvmProject(view: AppView): JvmProject | null {
  const pomFile = view.has('pom.xml') ? 'pom.xml' : null;
  const gradleFile = GRADLE_FILES.find((file) => view.has(file)) ?? null;
  if (!pomFile && !gradleFile) return null;
  const found = new Findings();
  const tool: 'maven' | 'gradle' = pomFile ? 'maven' : 'gradle';
  const pom = pomFile ? view.xml('pom.xml') : undefined;
  const gradleText = GRADLE_FILES.filter((f) => f.startsWith('build')).map((f) => view.read(f, 128 * 1024) ?? '').join('\n');
  const buildText = pomFile ? view.read('pom.xml', 256 * 1024) ?? '' : gradleText;
  found.note(view.path(pomFile ?? gradleFile!), `${tool} build`);

  const version = pinnedVersion(
    view,
    found,
    [firstLineSource('.java-version'), SYSTEM_PROPERTIES, toolVersionsSource(['java']), ...miseSources(['java']), MAVEN_VERSION, gradleVersion('build.gradle'), gradleVersion('build.gradle.kts')],
    javaVersionText,
    { product: 'java', stack: 'java' },
  );

  const framework = /org\.springframework\.boot/.test(buildText)
    ? 'spring-boot'
    : /io\.quarkus/.test(buildText)
      ? 'quarkus'
      : /io\.micronaut/.test(buildText)
        ? 'micronaut'
        : /io\.ktor/.test(buildText)
          ? 'ktor'
          : null;
  if (framework) found.note(view.path(pomFile ?? gradleFile!), `${framework} dependency`);

  const kotlinPlugin = /kotlin\(\s*["']jvm["']\s*\)|org\.jetbrains\.kotlin|kotlin-maven-plugin|kotlin-stdlib/.test(buildText);
  const files = view.files(6);
  const kotlinSources = files.some((f) => f.startsWith('src/') && f.endsWith('.kt'));
  const javaSources = files.some((f) => f.startsWith('src/') && f.endsWith('.java'));
  const kotlin = kotlinPlugin && (kotlinSources || !javaSources);
  if (kotlin) found.note(view.path(pomFile ?? gradleFile!), kotlinSources ? 'Kotlin plugin and Kotlin sources' : 'Kotlin plugin');

  let build: string;
  let install: string | null;
  let jar: string;
  if (tool === 'maven') {
    const mvn = view.has('mvnw') ? './mvnw' : 'mvn';
    if (mvn === './mvnw') found.note(view.path('mvnw'), 'Maven wrapper');
    build = `${mvn} -B -DskipTests package`;
    install = `${mvn} -B dependency:go-offline`;
    const project = obj(pom?.project);
    const artifact = str(project?.artifactId);
    const ver = str(project?.version) ?? str(obj(project?.parent)?.version);
    const finalName = str(obj(project?.build)?.finalName);
    jar = framework === 'quarkus' ? 'target/quarkus-app/quarkus-run.jar' : finalName && !finalName.includes('${') ? `target/${finalName}.jar` : artifact && ver && !ver.includes('${') ? `target/${artifact}-${ver}.jar` : 'target/app.jar';
  } else {
    const gradle = view.has('gradlew') ? './gradlew' : 'gradle';
    if (gradle === './gradlew') found.note(view.path('gradlew'), 'Gradle wrapper');
    build = `${gradle} build -x test --no-daemon`;
    install = null;
    const settings = view.read('settings.gradle', 16384) ?? view.read('settings.gradle.kts', 16384) ?? '';
    const name = /rootProject\.name\s*=\s*["']([^"']+)["']/.exec(settings)?.[1] ?? (view.dir.split('/').pop() || null);
    const ver = /^version\s*=\s*["']([^"']+)["']/m.exec(gradleText)?.[1];
    jar = framework === 'quarkus' ? 'build/quarkus-app/quarkus-run.jar' : name ? `build/libs/${name}${ver ? `-${ver}` : ''}.jar` : 'build/libs/app.jar';
  }
  const start = procfileWeb(view, found) ?? `java -jar ${jar}`;
  let port = springPort(view, found);
  if (port === null && framework) {
    port = 8080;
    found.note(view.path(pomFile ?? gradleFile!), `${framework} listens on 8080 by default`);
  }
  return { tool, found, kotlin, match: { facts: { packageManager: tool, version, framework, build, start, install, port }, evidence: found.evidence } };
}
