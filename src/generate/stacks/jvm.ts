import { existing, noProbeReason, requireImage, splitCommand } from './common.js';
import type { StackInput, StackPlan } from './types.js';

/** Java and Kotlin with Maven or Gradle; Spring Boot and Quarkus get their own packaging. */
export function planJvm(input: StackInput): StackPlan {
  const { answers } = input;
  const notes: string[] = [];
  const version = answers.runtimeVersion.split('.')[0];
  const gradle = answers.packageManager === 'gradle';
  let flavor: string = input.base;
  if (flavor === 'scratch') {
    notes.push('scratch has no JVM: using distroless instead');
    flavor = 'distroless';
  }
  const reasons: Record<string, string> = {
    distroless: 'distroless java: a JRE and its libraries only (no shell, no package manager)',
    slim: 'eclipse-temurin JRE (Ubuntu): a runtime without the JDK, chosen by --base slim',
    alpine: 'eclipse-temurin JRE on alpine: small musl-based runtime, chosen by --base alpine',
  };
  const finalImage = requireImage('java', 'final', flavor, version, notes, input.today);
  const buildImage = requireImage('java', 'build', gradle ? 'gradle' : 'maven', version, notes, input.today);
  const quarkus = answers.framework === 'quarkus';
  const manifests = gradle
    ? existing(input, ['settings.gradle', 'settings.gradle.kts', 'build.gradle', 'build.gradle.kts', 'gradle.properties', 'gradle/libs.versions.toml'])
    : existing(input, ['pom.xml']);
  const java = flavor === 'distroless' ? '/usr/bin/java' : 'java';
  const jar = quarkus ? `${answers.appDir}/quarkus-run.jar` : `${answers.appDir}/app.jar`;
  const { env } = splitCommand(answers.startCommand, 'startCommand');
  return {
    template: answers.language === 'kotlin' ? 'kotlin' : 'java',
    stages: [
      { name: 'build', image: buildImage, reason: `${gradle ? 'Gradle' : 'Maven'} with a full JDK: dependencies are fetched and the jar is built here` },
      { name: 'final', image: finalImage, reason: reasons[flavor] },
    ],
    finalFlavor: flavor,
    finalHasShell: flavor !== 'distroless',
    slots: {
      gradle,
      quarkus,
      manifests,
      fetch: gradle
        ? 'gradle --no-daemon --quiet dependencies > /dev/null'
        : 'mvn -B -q dependency:go-offline',
      build: answers.buildCommand && !/^(\.\/)?(mvnw|gradlew)\b/.test(answers.buildCommand)
        ? answers.buildCommand
        : gradle
          ? `gradle --no-daemon ${answers.framework === 'spring-boot' ? 'bootJar' : 'build -x test'}`
          : 'mvn -B -DskipTests package',
      out: gradle ? 'build' : 'target',
      libs: gradle ? 'build/libs' : 'target',
      cache: gradle ? '/home/gradle/.gradle/caches' : '/root/.m2/repository',
    },
    copySources: manifests,
    requiredFiles: [],
    ignore: ['target', 'build', '.gradle', 'out', '.mvn/wrapper/maven-wrapper.jar', '*.class', '*.iml'],
    entrypoint: [java, '-XX:MaxRAMPercentage=75', '-jar', jar],
    cmd: [],
    probe: null,
    noProbeReason: noProbeReason(input, 'No HEALTHCHECK: the image has no HTTP client and a second JVM per probe costs too much; use the orchestrator\'s HTTP probe.'),
    runtimeWritable: [],
    env,
    notes,
  };
}
