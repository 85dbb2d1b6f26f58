import type { Instruction } from 'dockerfile-ast';
import { parseDockerfileAst } from '../lint/ast.js';
import { escapeRegExp } from '../text.js';
import { analyzeDockerfile, instructionText, parseExecForm } from './analyze.js';
import { defaultPins, planPatches, type PatchOptions } from './patches.js';
import { secretId } from './secrets.js';
import { classifySegment, execForm, programWords, referencedVariables, splitCommand } from './shell.js';
import { buildOnlyPackage, imageHasShell, imagePackageManager, installLine, portablePackage } from './stages.js';
import type { CommandModel, DockerfileModel, RetrofitPlan, StageModel, SystemPackageManager, UnsafeItem } from './types.js';

/** The marker every carried-over step gets, so a reviewer sees what came from the old file. */
export const CARRIED = '# carried over from your Dockerfile';
export const NOT_CARRIED = '# harden-init: not carried over:';
const PACKAGES_NOTE = 'system packages';

/** The hadolint rule that asks for pinned package versions, per package manager. */
const VERSION_RULE: Record<SystemPackageManager, string> = { apt: 'DL3008', apk: 'DL3018', yum: 'DL3033', dnf: 'DL3041', microdnf: 'DL3041', zypper: 'DL3037' };

/** What the planner needs from the answers; all optional. */
export interface RetrofitAnswers {
  /** Numeric uid (and gid) of the final stage; default 10001. */
  uid?: number;
  /** Pinned image refs for `latest`/untagged FROMs in the patch series, by repository name (`node`); default: the generated FROMs, then the base image table. */
  pins?: Record<string, string>;
  /** The linter's fixer and linter, passed through to the patch series (see `PatchOptions`). */
  fix?: (text: string) => string;
  lint?: PatchOptions['lint'];
}

interface GenStage {
  index: number;
  name: string | null;
  image: string;
  fromLine: number; // 0-based start
  fromEnd: number; // 0-based end line of the FROM instruction
  end: number; // 0-based last line of the stage's last instruction
  instructions: Instruction[];
}

const TOOLCHAIN = new Set(['npm', 'npx', 'yarn', 'pnpm', 'bun', 'node', 'go', 'pip', 'pip3', 'python', 'python3', 'make', 'cargo', 'bundle', 'rake', 'composer', 'php', 'mvn', 'gradle', 'dotnet', 'mix', 'deno', 'rails', 'tsc']);

/**
 * Merges an existing Dockerfile into the hardened one the generator wrote for its stack: the
 * user's packages, config ENV/ARG, extra copies, ports, start command and custom steps are kept
 * (each marked `# carried over from your Dockerfile`), insecure forms are converted, and what
 * cannot be kept safely is listed in `unsafe` and left as a comment. Pure; never throws.
 */
export function planRetrofit(existingDockerfile: string, generated: { dockerfile: string } | { files: Array<{ path: string; content: string }> }, answers: RetrofitAnswers = {}): RetrofitPlan {
  // A file this planner wrote keeps the line numbers its carried-over steps had in the user's own file.
  const earlier = earlierRetrofit(existingDockerfile);
  const { model, verbatim } = withOriginalLines(analyzeDockerfile(existingDockerfile), earlier, existingDockerfile);
  const generatedText = 'dockerfile' in generated ? generated.dockerfile : (generated.files.find((f) => /(^|\/)Dockerfile$/.test(f.path))?.content ?? '');
  const uid = answers.uid ?? 10001;
  const plan: RetrofitPlan = { rewrite: generatedText, patches: [], secrets: [], runtimeSecrets: [], carried: [], converted: [], unsafe: [], model };
  plan.patches = planPatches(existingDockerfile, { uid, pins: answers.pins ?? pinsFrom(generatedText), fix: answers.fix, lint: answers.lint });
  if (!model.ok) {
    plan.unsafe.push({ line: null, what: 'the existing Dockerfile', why: 'it has no FROM instruction or does not parse; nothing was carried over, review it by hand' });
    return plan;
  }
  const gen = parseGenerated(generatedText);
  if (gen.stages.length === 0) {
    plan.rewrite = existingDockerfile;
    plan.unsafe.push({ line: null, what: 'the generated Dockerfile', why: 'it has no FROM instruction; the existing file was left as it is' });
    return plan;
  }
  if (earlier.skeleton !== null && earlier.skeleton.replace(/^\n+/, '') === generatedText.replace(/^\n+/, '')) {
    // This planner's own output for the same generated file: nothing to merge again.
    plan.rewrite = existingDockerfile;
    plan.unsafe = earlier.unsafe.map((kept) => kept.item);
    return plan;
  }
  const out = new Editor(gen.lines);
  const final = gen.stages[gen.stages.length - 1];
  const build = gen.stages.find((s) => s.name !== null && final.instructions.some((i) => /^COPY$/i.test(i.getKeyword()) && new RegExp(`--from=${escapeRegExp(s.name!)}\\b`, 'i').test(instructionText(generatedText, i)))) ?? (gen.stages.length > 1 ? gen.stages[0] : final);
  const finalShell = imageHasShell(final.image);
  const finalManager = imagePackageManager(final.image);
  const userFinal = model.stages[model.stages.length - 1];
  const single = model.stages.length === 1;
  const targetsOf = (stage: number | null): GenStage[] => {
    if (stage === null) return [];
    if (stage === userFinal.index) return single && build !== final ? [build, final] : [final];
    return [build];
  };
  const note = (line: number | null) => (line ? `${CARRIED} (line ${line})` : CARRIED);
  const commented = new Set<string>();
  const unsafe = (item: UnsafeItem, anchor: { stage: GenStage; where: 'afterFrom' | 'beforeUser' | 'end' } | null, comment = unsafeComment(item)) => {
    if (commented.has(comment)) return;
    commented.add(comment);
    plan.unsafe.push(item);
    if (anchor) out.insert(anchorLine(anchor.stage, anchor.where), [comment]);
    else out.insert({ after: -1 }, [comment]);
  };
  // What an earlier run could not carry over stays said, where it was said (the finding stays visible):
  // above the carried step it stood above, else where its kind of comment goes.
  const aboveCarried = new Map<number, EarlierRetrofit['unsafe']>();
  for (const kept of earlier.unsafe) if (kept.beforeCarried !== null) aboveCarried.set(kept.beforeCarried, [...(aboveCarried.get(kept.beforeCarried) ?? []), kept]);
  const targetOfKept = (stage: number | null) => (stage === null ? null : stage === userFinal.index ? final : build);
  out.prefix = (lines, at) => {
    const line = Number(new RegExp(`^${escapeRegExp(CARRIED)} \\(line (\\d+)\\)`).exec(lines[0] ?? '')?.[1]);
    const stage = at < 0 ? null : (gen.stages.find((s) => s.fromLine <= at && at <= s.end) ?? null);
    const waiting = aboveCarried.get(line) ?? [];
    const kept = waiting.filter((k) => targetOfKept(k.stage) === stage && !commented.has(k.comment));
    aboveCarried.set(line, waiting.filter((k) => !kept.includes(k)));
    for (const k of kept) {
      commented.add(k.comment);
      plan.unsafe.push(k.item);
    }
    return [...kept.map((k) => k.comment), ...lines];
  };
  const genText = (stage: GenStage) => new Set(stage.instructions.map((i) => flatten(instructionText(generatedText, i))));

  // Secrets: never in ARG/ENV; build-time uses become secret mounts, run-time ones are passed at `docker run`.
  const secretVars = [...model.globalArgs, ...model.variables].filter((v) => v.secret);
  const usedAtBuild = new Set<string>([...model.custom.flatMap((c) => c.secrets), ...model.dependencySteps.flatMap((d) => d.secrets)]);
  for (const variable of secretVars) {
    if (usedAtBuild.has(variable.name)) {
      if (!plan.secrets.some((s) => s.variable === variable.name)) {
        const id = secretId(variable.name);
        plan.secrets.push({ id, variable: variable.name, hint: `docker build --secret id=${id},src=<file holding ${variable.name}> .` });
        plan.converted.push(`${variable.kind} ${variable.name} (line ${variable.line}) -> RUN --mount=type=secret,id=${id}`);
      }
    } else if (variable.kind === 'ENV') {
      plan.runtimeSecrets.push(variable.name);
      unsafe({ line: variable.line, what: `ENV ${variable.name}`, why: `${variable.reason}; a secret must not be baked into the image, pass it at run time (docker run -e ${variable.name} or a compose secret)` }, { stage: final, where: 'afterFrom' });
    } else {
      plan.converted.push(`ARG ${variable.name} (line ${variable.line}) dropped: ${variable.reason}, and no step uses it`);
    }
  }
  const secretMount = (names: string[], existing: string[] = []) => {
    const ids = names.map((n) => plan.secrets.find((s) => s.variable === n)).filter((s) => s !== undefined);
    const flags = [...new Set([...ids.map((s) => `--mount=type=secret,id=${s.id}`), ...existing])];
    return {
      flags: flags.join(' '),
      exports: ids.map((s) => `export ${s.variable}="$(cat /run/secrets/${s.id})"`),
    };
  };

  // System packages, moved to the stage that needs them.
  const byStage = new Map<GenStage, { manager: SystemPackageManager | null; packages: string[]; lines: number[]; foreign: string[] }>();
  for (const install of model.packages) {
    const kept = verbatim.get(install);
    const keptTarget = targetsOf(install.stage)[0];
    if (kept && keptTarget && kept.comment.includes(PACKAGES_NOTE)) {
      // Carried by an earlier run, already for the stage it is in.
      out.insert(anchorLine(keptTarget, 'afterFrom'), [...kept.comment.split('\n'), kept.text]);
      plan.carried.push(`packages ${install.packages.join(' ')} -> ${keptTarget === final ? 'final' : 'build'} stage`);
      continue;
    }
    // Installs inside a step an earlier run carried over were moved (or reported) by that run.
    if (kept) continue;
    for (const target of targetsOf(install.stage)) {
      const onlyBuild = install.packages.filter(buildOnlyPackage);
      const wanted = target === final && build !== final ? install.packages.filter((p) => !buildOnlyPackage(p)) : target === build && target !== final && install.stage === userFinal.index ? onlyBuild.length ? install.packages : [] : install.packages;
      if (target === build && single && build !== final && wanted.length === 0) continue;
      const manager = imagePackageManager(target.image);
      const entry = byStage.get(target) ?? { manager, packages: [], lines: [], foreign: [] };
      for (const pkg of wanted) {
        const ok = manager !== null && (manager === install.manager || (['dnf', 'yum', 'microdnf'].includes(manager) && ['dnf', 'yum', 'microdnf'].includes(install.manager)) || portablePackage(pkg));
        const bucket = ok ? entry.packages : entry.foreign;
        if (!bucket.includes(pkg)) bucket.push(pkg);
      }
      if (!entry.lines.includes(install.line)) entry.lines.push(install.line);
      byStage.set(target, entry);
    }
  }
  for (const [target, entry] of byStage) {
    if (entry.packages.length) {
      const role = target === final ? 'final' : 'build';
      const unpinned = entry.packages.some((p) => !/[=<>~]/.test(p));
      const pragma = unpinned ? [`# versions unpinned as in your Dockerfile; pin them (name=version) for repeatable builds`, `# hadolint ignore=${VERSION_RULE[entry.manager!]}`] : [];
      out.insert(anchorLine(target, 'afterFrom'), [`${note(entry.lines[0])}: ${PACKAGES_NOTE} the ${role} stage needs`, ...pragma, installLine(entry.manager!, entry.packages)]);
      plan.carried.push(`packages ${entry.packages.join(' ')} -> ${role} stage`);
    }
    if (entry.foreign.length) {
      const why = entry.manager === null ? `the ${target === final ? 'final' : 'build'} base ${target.image} has no package manager; choose --base slim to keep them` : `they are named for another distribution than ${target.image}; add their ${entry.manager} names by hand`;
      unsafe({ line: entry.lines[0], what: `packages ${entry.foreign.join(' ')}`, why }, { stage: target, where: 'afterFrom' });
    }
  }

  // Config ENV and ARG.
  const genVars = analyzeDockerfile(generatedText);
  for (const variable of [...model.globalArgs]) {
    if (variable.secret) continue;
    if (genVars.globalArgs.some((g) => g.name === variable.name)) continue;
    const kept = verbatim.get(variable);
    out.insert({ after: -1 }, kept ? [...kept.comment.split('\n'), kept.text] : [note(variable.line), `ARG ${variable.name}${variable.value !== null ? `=${quote(variable.value)}` : ''}`]);
    plan.carried.push(`ARG ${variable.name}`);
  }
  const buildTexts = [...model.custom.map((c) => c.text), ...model.dependencySteps.flatMap((d) => [...d.before, ...d.installs, ...d.after]), ...model.buildSteps.flatMap((b) => b.commands)];
  const keptOnce = new Set<object>();
  for (const variable of model.variables) {
    if (variable.secret) continue;
    // In a single-stage file an ENV is run-time config; the build stage gets it only when a build step reads it.
    const readAtBuild = variable.kind === 'ARG' || buildTexts.some((t) => referencedVariables(t).includes(variable.name));
    for (const target of targetsOf(variable.stage).filter((t) => !(single && t === build && t !== final && !readAtBuild))) {
      const existing = genVars.variables.find((g) => g.stage === target.index && g.kind === variable.kind && g.name === variable.name);
      if (existing && existing.value === variable.value) continue;
      const kept = verbatim.get(variable);
      if (kept) {
        // Carried by an earlier run: as it stands, once (one instruction may set several).
        if (keptOnce.has(kept)) continue;
        keptOnce.add(kept);
        out.insert(anchorLine(target, 'afterFrom'), [...kept.comment.split('\n'), kept.text]);
      } else out.insert(anchorLine(target, 'afterFrom'), [note(variable.line), `${variable.kind} ${variable.name}${variable.value !== null ? `=${quote(variable.value)}` : variable.kind === 'ENV' ? '=""' : ''}`]);
      plan.carried.push(`${variable.kind} ${variable.name}`);
    }
  }

  // Dependency installs that needed more than the install itself (a token, an .npmrc) join the generated install.
  const genInstall = build.instructions.find((i) => i.getKeyword().toUpperCase() === 'RUN' && splitCommand(i.getRawArgumentsContent() ?? '').some((s) => classifySegment(s.text) === 'dependencies'));
  for (const step of model.dependencySteps) {
    if (!step.before.length && !step.after.length && !step.secrets.length && !step.secretMounts?.length) continue;
    const mount = secretMount(step.secrets, step.secretMounts);
    if (genInstall) {
      const genText = instructionText(generatedText, genInstall);
      const flags = (genInstall as unknown as { getFlags(): Array<{ toString(): string }> }).getFlags().map((f) => f.toString());
      const genSegments = splitCommand(genInstall.getRawArgumentsContent() ?? '').map((s) => s.text);
      const commands = [...mount.exports, ...step.before, ...genSegments, ...step.after];
      const merged = `RUN ${[...flags, mount.flags].filter(Boolean).join(' ')}${flags.length || mount.flags ? ' ' : ''}${commands.join(' \\\n && ')}`;
      out.replace(genInstall, [`${note(step.line)}: the install step's own setup${step.secrets.length || step.secretMounts?.length ? ', with its token as a build secret' : ''}`, merged]);
      plan.carried.push(`install setup (line ${step.line}) merged into: ${genText.split('\n')[0]}`);
    } else {
      const commands = [...mount.exports, ...step.before, ...step.installs, ...step.after];
      out.insert(anchorLine(build, 'end'), [note(step.line), `RUN ${mount.flags ? mount.flags + ' ' : ''}${commands.join(' \\\n && ')}`]);
      plan.carried.push(`install step (line ${step.line})`);
    }
  }

  // Custom steps.
  for (const step of model.custom) {
    let target: GenStage;
    if (step.stage !== userFinal.index) target = build;
    else if (single && step.keyword === 'RUN' && step.commands.some((c) => TOOLCHAIN.has((programWords(c)[0] ?? '').replace(/^.*\//, '')))) target = build;
    else target = final;
    const where = target === final ? 'beforeUser' : 'end';
    if (step.keyword === 'RUN') {
      if (target === final && !finalShell) {
        unsafe({ line: step.line, what: `RUN ${step.commands.join(' && ')}`.slice(0, 160), why: `the final base ${final.image} has no shell; choose --base slim or move the step into the build stage` }, { stage: final, where });
        continue;
      }
      const mount = secretMount(step.secrets, step.secretMounts);
      const text = mount.flags && !step.secretMounts?.length ? `RUN ${mount.flags} ${[...mount.exports, ...step.commands].join(' \\\n && ')}` : step.text;
      // The generated stage already does it (a step an earlier run wrote, or the same line): nothing to carry.
      if (genText(target).has(flatten(text))) continue;
      out.insert(anchorLine(target, where), [note(step.line), text]);
      plan.carried.push(`step (line ${step.line}) -> ${target === final ? 'final' : 'build'} stage`);
      if (mount.flags) plan.converted.push(`secret use (line ${step.line}) -> ${mount.flags}`);
    } else if (step.keyword === 'SHELL' && target === final && !finalShell) {
      unsafe({ line: step.line, what: step.text, why: `the final base ${final.image} has no shell` }, { stage: final, where: 'afterFrom' });
    } else if (step.keyword === 'ONBUILD' || step.keyword === 'VOLUME' || step.keyword === 'STOPSIGNAL' || step.keyword === 'SHELL') {
      out.insert(anchorLine(target, step.keyword === 'SHELL' ? 'afterFrom' : where), [note(step.line), step.text]);
      plan.carried.push(`${step.keyword} (line ${step.line})`);
    } else {
      unsafe({ line: step.line, what: step.text.split('\n')[0], why: 'not a Dockerfile instruction this version understands' }, null);
    }
  }
  for (const setup of model.userSetup) plan.converted.push(`user setup (line ${setup.line}) -> numeric USER ${uid}:${uid}, no account needed`);

  // Copies the generated stages do not already make.
  const genModel = genVars;
  const buildCopiesContext = genModel.copies.some((c) => c.stage === build.index && c.from === null && c.sources.some((s) => s === '.' || s === './'));
  const buildDir = genModel.stages[build.index]?.workdir ?? '/app';
  const finalDir = genModel.stages[final.index]?.workdir ?? buildDir;
  const finalCopiesApp = genModel.copies.some((c) => c.stage === final.index && c.from !== null && c.sources.some((s) => trimSlash(s) === trimSlash(buildDir) || s === '.' || s === './'));
  const userStageNames = new Set(model.stages.map((s) => s.name?.toLowerCase()).filter(Boolean));
  for (const copy of model.copies) {
    const stage = model.stages[copy.stage];
    const userDir = stage.workdir ?? '/';
    const dest = copy.dest.startsWith('/') ? copy.dest : `${userDir.replace(/\/$/, '')}/${copy.dest}`;
    const insideApp = stage.workdir !== null && (trimSlash(dest) === trimSlash(userDir) || dest.startsWith(userDir.replace(/\/$/, '') + '/'));
    const fromStage = copy.from !== null && (userStageNames.has(copy.from.toLowerCase()) || /^\d+$/.test(copy.from));
    const chownNote = copy.chown ? ' (owned by root, not by the app user: app files stay read-only)' : '';
    const kept = verbatim.get(copy);
    if (kept) {
      // Carried by an earlier run, already where it belongs.
      const target = copy.stage === userFinal.index ? final : build;
      out.insert(anchorLine(target, target === final ? 'beforeUser' : 'end'), [...kept.comment.split('\n'), kept.text]);
      plan.carried.push(`${copy.kind} ${copy.sources.join(' ')} (line ${copy.line})`);
      continue;
    }
    if (copy.kind === 'ADD' && copy.remote) {
      const target = build;
      out.insert(anchorLine(target, 'end'), [note(copy.line), `ADD ${copy.sources.join(' ')} ${copy.dest}`]);
      unsafe({ line: copy.line, what: `ADD ${copy.sources.join(' ')}`, why: 'a download with no checksum check; carried into the build stage, verify what it fetches' }, null);
      continue;
    }
    if (copy.from !== null && !fromStage) {
      const text = `COPY --from=${copy.from} ${copy.sources.join(' ')} ${copy.dest}`;
      const pinned = /@sha256:|:[^/:]+$/.test(copy.from) && !/:latest$/.test(copy.from);
      out.insert(anchorLine(final, 'beforeUser'), [note(copy.line), text]);
      if (!pinned) unsafe({ line: copy.line, what: `COPY --from=${copy.from}`, why: 'the image is not pinned to a version; give it a tag and digest' }, null);
      else plan.carried.push(`COPY --from=${copy.from} (line ${copy.line})`);
      continue;
    }
    if (fromStage) {
      if (insideApp && finalCopiesApp) continue;
      const destination = remapDir(copy.dest, userDir, finalDir);
      const buildRef = String(build.name ?? build.index);
      if (genModel.copies.some((c) => c.stage === final.index && c.from === buildRef && c.sources.join('\0') === copy.sources.join('\0') && trimSlash(c.dest) === trimSlash(destination))) continue;
      const text = `COPY --from=${buildRef} ${copy.sources.join(' ')} ${destination}`;
      out.insert(anchorLine(final, 'beforeUser'), [`${note(copy.line)}: made by your build steps, now in the build stage`, text]);
      plan.carried.push(`COPY --from=${copy.from} (line ${copy.line})${chownNote}`);
      continue;
    }
    const manifestOnly = copy.sources.every((s) => /^(\.\/?|package(-lock)?\.json|package\*\.json|yarn\.lock|pnpm-lock\.yaml|requirements.*\.txt|go\.(mod|sum)|Gemfile(\.lock)?|composer\.(json|lock)|pyproject\.toml|poetry\.lock|Pipfile(\.lock)?|Cargo\.(toml|lock))$/.test(s));
    const coveredInApp = insideApp && buildCopiesContext && (finalCopiesApp || manifestOnly || stage.index !== userFinal.index);
    if (coveredInApp) {
      if (copy.kind === 'ADD') plan.converted.push(`ADD (line ${copy.line}) -> COPY of the build context`);
      continue;
    }
    const keyword = copy.kind === 'ADD' && copy.archive ? 'ADD' : 'COPY';
    const chmod = copy.chmod ? `--chmod=${copy.chmod} ` : '';
    const target = stage.index === userFinal.index ? final : build;
    const destination = insideApp ? remapDir(copy.dest, userDir, target === final ? finalDir : buildDir) : copy.dest;
    out.insert(anchorLine(target, target === final ? 'beforeUser' : 'end'), [note(copy.line), `${keyword} ${chmod}${copy.sources.join(' ')} ${destination}`]);
    plan.carried.push(`${keyword} ${copy.sources.join(' ')} (line ${copy.line})${chownNote}`);
    if (copy.kind === 'ADD' && keyword === 'COPY') plan.converted.push(`ADD (line ${copy.line}) -> COPY`);
    if (keyword === 'ADD') plan.carried.push(`ADD of archive ${copy.sources.join(' ')} kept: ADD unpacks it, COPY would not`);
  }

  // Ports, labels, MAINTAINER.
  const genPorts = new Set(genModel.ports.filter((p) => p.stage === final.index).map((p) => p.port.replace(/\/tcp$/, '')));
  const ports = [...new Set(model.ports.filter((p) => p.stage === userFinal.index).map((p) => p.port))].filter((p) => !genPorts.has(p.replace(/\/tcp$/, '')));
  if (ports.length) {
    out.insert(anchorLine(final, 'beforeCommand'), [note(model.ports.find((p) => ports.includes(p.port))!.line), `EXPOSE ${ports.join(' ')}`]);
    plan.carried.push(`EXPOSE ${ports.join(' ')}`);
  }
  const genLabels = new Set(genModel.labels.map((l) => l.name));
  const labels = model.labels.filter((l) => l.stage === userFinal.index && !genLabels.has(l.name));
  if (model.maintainer && !genLabels.has('org.opencontainers.image.authors')) {
    labels.push({ stage: userFinal.index, line: model.maintainer.line, name: 'org.opencontainers.image.authors', value: model.maintainer.value });
    plan.converted.push(`MAINTAINER (line ${model.maintainer.line}) -> LABEL org.opencontainers.image.authors`);
  }
  if (labels.length) {
    out.insert(anchorLine(final, 'beforeCommand'), [note(labels[0].line), `LABEL ${labels.map((l) => `${quote(l.name)}=${JSON.stringify(l.value)}`).join(' \\\n      ')}`]);
    plan.carried.push(`labels ${labels.map((l) => l.name).join(', ')}`);
  }

  // Users and base images.
  for (const user of model.users.filter((u) => u.stage === userFinal.index)) {
    plan.converted.push(`USER ${user.user} (line ${user.line}) -> USER ${uid}:${uid}${user.root ? ' (root is never the final user)' : ''}`);
  }
  if (!model.users.some((u) => u.stage === userFinal.index)) plan.converted.push(`no USER (runs as root) -> USER ${uid}:${uid}`);
  for (const stage of model.stages.filter((s) => s.unpinned)) plan.converted.push(`FROM ${stage.image} (line ${stage.line}) -> a pinned base (${stage.isFinal ? (single && build !== final ? `${build.image}, then ${final.image}` : final.image) : build.image})`);
  if (userFinal.platform) {
    for (const target of [build, final]) out.editFrom(target, userFinal.platform);
  }
  for (const directive of model.directives.filter((d) => d.name.toLowerCase() === 'syntax')) {
    plan.converted.push(`# syntax=${directive.value} dropped: the engine's built-in Dockerfile frontend builds this file`);
  }

  // Start command and health check.
  planCommand(model, userFinal, final, generatedText, finalShell, out, plan, note, unsafe);
  const userHealth = model.healthchecks.filter((h) => h.stage === userFinal.index).pop();
  if (userHealth && !userHealth.none) {
    const program = /\b(curl|wget)\b/.exec(userHealth.text)?.[1];
    const installed = program ? [...byStage.get(final)?.packages ?? []].some((p) => p.startsWith(program)) : true;
    if (finalShell && installed) {
      for (const h of final.instructions.filter((i) => i.getKeyword().toUpperCase() === 'HEALTHCHECK')) out.replace(h, []);
      out.insert(anchorLine(final, 'beforeCommand'), [note(userHealth.line), userHealth.text]);
      plan.carried.push(`HEALTHCHECK (line ${userHealth.line})`);
    } else {
      unsafe({ line: userHealth.line, what: 'HEALTHCHECK', why: `${program ?? 'its command'} is not in the final base ${final.image}; the generated health check is used instead` }, null);
    }
  }
  for (const kept of earlier.unsafe) {
    const anchor = kept.stage === null ? null : { stage: kept.stage === userFinal.index ? final : build, where: kept.where };
    unsafe(kept.item, anchor, kept.comment);
  }
  plan.rewrite = out.render();
  plan.carried = [...new Set(plan.carried)];
  plan.converted = [...new Set(plan.converted)];
  return plan;
}

function planCommand(
  model: DockerfileModel,
  userFinal: StageModel,
  final: GenStage,
  generatedText: string,
  finalShell: boolean,
  out: Editor,
  plan: RetrofitPlan,
  note: (line: number | null) => string,
  unsafe: (item: UnsafeItem, anchor: null) => void,
): void {
  const mine = model.commands.filter((c) => c.stage === userFinal.index);
  const entrypoint = mine.filter((c) => c.kind === 'ENTRYPOINT').pop();
  const cmd = mine.filter((c) => c.kind === 'CMD').pop();
  if (!entrypoint && !cmd) return;
  const genCommands = final.instructions.filter((i) => ['CMD', 'ENTRYPOINT'].includes(i.getKeyword().toUpperCase()));
  const genEntrypoint = genCommands.filter((i) => i.getKeyword().toUpperCase() === 'ENTRYPOINT').pop();
  const genCmd = genCommands.filter((i) => i.getKeyword().toUpperCase() === 'CMD').pop();
  // What the final image runs before CMD: the generated ENTRYPOINT, or the runtime a distroless image starts itself.
  const genEntrypointArgv = genEntrypoint ? parseExecForm(genEntrypoint.getRawArgumentsContent() ?? '') : null;
  const runtime = genEntrypointArgv?.length === 1
    ? new RegExp(`^${escapeRegExp(genEntrypointArgv[0].replace(/^.*\//, ''))}$`)
    : /distroless\/(nodejs|python)/i.test(final.image) && !genEntrypoint ? (/distroless\/nodejs/i.test(final.image) ? /^node(js)?$/ : /^python[0-9.]*$/) : null;
  const toExec = (command: CommandModel): string[] | null => {
    if (command.form === 'exec') return command.args;
    if (!command.needsShell) {
      plan.converted.push(`${command.kind} ${command.text} (line ${command.line}) -> exec form`);
      return command.args;
    }
    if (!finalShell) return null;
    plan.converted.push(`${command.kind} (line ${command.line}) -> exec form through /bin/sh -c: it uses shell features`);
    return ['/bin/sh', '-c', command.text];
  };
  const lines: string[] = [];
  // A binary the user's own build step wrote is now built and placed by the generated stages.
  const outputs = new Set(model.buildSteps.flatMap((b) => b.outputs));
  const builtHere = (c: CommandModel | undefined) => c !== undefined && (c.form === 'exec' || !c.needsShell) && outputs.has(c.args[0] ?? '');
  if (builtHere(entrypoint) || (!entrypoint && builtHere(cmd))) {
    const which = (entrypoint ?? cmd)!;
    plan.converted.push(`${which.kind} ${which.text} (line ${which.line}) -> the generated start command: the binary now comes from the build stage`);
    if (which.args.length > 1) unsafe({ line: which.line, what: `arguments ${which.args.slice(1).join(' ')}`, why: 'add them to the generated CMD by hand' }, null);
    return;
  }
  if (entrypoint) {
    const argv = toExec(entrypoint);
    if (!argv || (!finalShell && /\.sh$/.test(argv[0] ?? ''))) {
      unsafe({ line: entrypoint.line, what: `ENTRYPOINT ${entrypoint.text}`, why: `it needs a shell the final base ${final.image} lacks; choose --base slim or start the app directly` }, null);
      return;
    }
    lines.push(`ENTRYPOINT ${execForm(argv)}`);
    const cmdArgv = cmd ? toExec(cmd) : null;
    if (cmdArgv) lines.push(`CMD ${execForm(cmdArgv)}`);
    // The generated start command already is this one (a file an earlier run wrote): keep it as generated.
    const genCmdArgv = genCmd ? parseExecForm(genCmd.getRawArgumentsContent() ?? '') : null;
    if (genEntrypointArgv && sameWords(genEntrypointArgv, argv) && (cmdArgv === null ? genCmd === undefined : genCmdArgv !== null && sameWords(genCmdArgv, cmdArgv))) return;
    for (const i of genCommands) out.replace(i, []);
    out.insert(anchorLine(final, 'end'), [note(entrypoint.line), ...lines]);
    plan.carried.push(`ENTRYPOINT ${execForm(argv)}`);
    return;
  }
  let argv = toExec(cmd!);
  if (!argv) {
    unsafe({ line: cmd!.line, what: `CMD ${cmd!.text}`, why: `it needs a shell the final base ${final.image} lacks; the generated start command is used instead` }, null);
    return;
  }
  if (genEntrypoint && !runtime) {
    unsafe({ line: cmd!.line, what: `CMD ${cmd!.text}`, why: `the generated ENTRYPOINT already starts the app; the generated start command is used instead` }, null);
    return;
  }
  if (runtime) {
    if (!runtime.test((argv[0] ?? '').replace(/^.*\//, ''))) {
      unsafe({ line: cmd!.line, what: `CMD ${cmd!.text}`, why: `the final base ${final.image} starts its runtime directly; the generated start command is used instead` }, null);
      return;
    }
    argv = argv.slice(1);
  }
  const genArgv = genCmd ? parseExecForm(genCmd.getRawArgumentsContent() ?? '') : null;
  if (genArgv && genArgv.join('\u0000') === argv.join('\u0000')) return;
  if (genCmd) out.replace(genCmd, [note(cmd!.line), `CMD ${execForm(argv)}`]);
  else out.insert(anchorLine(final, 'end'), [note(cmd!.line), `CMD ${execForm(argv)}`]);
  plan.carried.push(`CMD ${execForm(argv)}`);
  void generatedText;
}

/**
 * Pins for the patch series from the generated FROMs: `node` -> `node:22.21.1-bookworm-slim`
 * (Docker Hub library images keep their short name; a mirror given with --registry keeps its host;
 * a digest the generator resolved is kept).
 */
function pinsFrom(generatedText: string): Record<string, string> {
  const pins = defaultPins();
  for (const match of generatedText.matchAll(/^\s*FROM\s+(?:--\S+\s+)*(\S+)/gim)) {
    const ref = match[1];
    const library = /^(?:([^/]+[.:][^/]+)\/)?library\/([^:/@]+):([^@\s]+)/.exec(ref);
    if (!library) continue;
    const [, host, name, tag] = library;
    const digest = /@sha256:[a-f0-9]{64}$/.exec(ref)?.[0] ?? '';
    pins[name] = !host || host === 'docker.io' || host === 'index.docker.io' ? `${name}:${tag}${digest}` : ref;
  }
  return pins;
}

function trimSlash(path: string): string {
  return path.replace(/^\.\//, '').replace(/\/+$/, '') || '/';
}

function remapDir(dest: string, from: string, to: string): string {
  if (!dest.startsWith('/')) return dest;
  const base = from.replace(/\/$/, '');
  if (dest === base || dest === base + '/') return to;
  // Only paths inside the old app dir move with it.
  if (base === '' || !dest.startsWith(base + '/')) return dest;
  return to.replace(/\/$/, '') + dest.slice(base.length);
}

function sameWords(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((word, i) => word === b[i]);
}

/** An instruction on one line with single spaces, to compare two of them. */
function flatten(text: string): string {
  return text.replace(/\\\r?\n/g, ' ').replace(/\s+/g, ' ').trim();
}

function unsafeComment(item: UnsafeItem): string {
  return `${NOT_CARRIED} ${item.what}${item.line ? ` (line ${item.line})` : ''}: ${item.why}`.replace(/\n/g, ' ');
}

/** What an earlier run of the planner left in a file: carried-over steps with their original lines, and what it could not carry. */
interface EarlierRetrofit {
  /** 1-based line of an instruction now -> its line in the user's own file. */
  lines: Map<number, number>;
  /** 1-based line of a carried instruction now -> the carried-over comment above it. */
  comments: Map<number, string>;
  /** Not-carried-over comments, with the stage (index in this file, null before the first FROM), where in it they stood and the carried step (its original line) they stood above. */
  unsafe: Array<{ item: UnsafeItem; comment: string; stage: number | null; where: 'afterFrom' | 'beforeUser'; beforeCarried: number | null }>;
  /** The file without what the planner added (carried steps, their comments, not-carried comments); null when it has none. */
  skeleton: string | null;
}

function earlierRetrofit(text: string): EarlierRetrofit {
  const result: EarlierRetrofit = { lines: new Map(), comments: new Map(), unsafe: [], skeleton: null };
  if (!text.includes(CARRIED) && !text.includes(NOT_CARRIED)) return result;
  const lines = text.split('\n');
  const carried = new RegExp(`^\\s*${escapeRegExp(CARRIED)} \\(line (\\d+)\\)`);
  const skeleton: string[] = [];
  let stage: number | null = null;
  // Right after a FROM, up to the first step the generator wrote: where the planner puts what a stage needs first.
  let afterFrom = false;
  let pending: number | null = null;
  let pendingComment = '';
  // Between a carried mark and its instruction (its comments), and the continuation lines of a carried instruction.
  let inBlock = false;
  let dropContinuation = false;
  let awaiting: EarlierRetrofit['unsafe'] = [];
  for (const [index, line] of lines.entries()) {
    const trimmed = line.trim();
    const continued = index > 0 && /\\\s*$/.test(lines[index - 1]);
    if (continued) {
      if (!dropContinuation) skeleton.push(line);
      continue;
    }
    const mark = carried.exec(line);
    if (mark) {
      pending = Number(mark[1]);
      pendingComment = line;
      for (const kept of awaiting) kept.beforeCarried = pending;
      awaiting = [];
      inBlock = true;
      continue;
    }
    if (trimmed.startsWith(NOT_CARRIED)) {
      const rest = trimmed.slice(NOT_CARRIED.length).trim();
      const parsed = /^(.*?)(?: \(line (\d+)\))?: (.*)$/.exec(rest);
      const item: UnsafeItem = parsed ? { line: parsed[2] ? Number(parsed[2]) : null, what: parsed[1], why: parsed[3] } : { line: null, what: rest, why: '' };
      const kept = { item, comment: trimmed, stage, where: afterFrom || stage === null ? ('afterFrom' as const) : ('beforeUser' as const), beforeCarried: null };
      result.unsafe.push(kept);
      awaiting.push(kept);
      continue;
    }
    if (trimmed === '' || trimmed.startsWith('#')) {
      if (!inBlock) skeleton.push(line);
      else if (trimmed) pendingComment += `\n${line}`;
      continue;
    }
    // An instruction.
    awaiting = [];
    if (/^FROM\s/i.test(trimmed)) {
      stage = stage === null ? 0 : stage + 1;
      afterFrom = true;
    } else if (pending === null) afterFrom = false;
    if (pending !== null) {
      result.lines.set(index + 1, pending);
      result.comments.set(index + 1, pendingComment);
    } else skeleton.push(line);
    // A carried step's own lines (continuations) are dropped with it.
    dropContinuation = pending !== null;
    inBlock = false;
    pending = null;
  }
  result.skeleton = skeleton.join('\n');
  return result;
}

/** A step an earlier run carried over: its instruction and the comment above it, as they stand. */
interface KeptStep {
  text: string;
  comment: string;
}

/**
 * The model with each carried step's line replaced by the line it had in the user's own file, and
 * the carried steps' text as they stand (kept verbatim, so a second run changes nothing).
 */
function withOriginalLines(model: DockerfileModel, earlier: EarlierRetrofit, text: string): { model: DockerfileModel; verbatim: WeakMap<object, KeptStep> } {
  const verbatim = new WeakMap<object, KeptStep>();
  if (earlier.lines.size === 0) return { model, verbatim };
  const texts = new Map<number, string>();
  try {
    for (const instruction of parseDockerfileAst(text).getInstructions()) texts.set(instruction.getRange().start.line + 1, instructionText(text, instruction));
  } catch {
    // Unparsable text has no model to map.
  }
  const map = <T extends { line: number }>(items: T[]): T[] =>
    items.map((item) => {
      const original = earlier.lines.get(item.line);
      if (original === undefined) return item;
      const mapped = { ...item, line: original };
      const instruction = texts.get(item.line);
      if (instruction !== undefined) verbatim.set(mapped, { text: instruction, comment: earlier.comments.get(item.line)! });
      return mapped;
    });
  return {
    verbatim,
    model: {
      ...model,
      globalArgs: map(model.globalArgs),
      packages: map(model.packages),
      variables: map(model.variables),
      ports: map(model.ports),
      commands: map(model.commands),
      copies: map(model.copies),
      users: map(model.users),
      healthchecks: map(model.healthchecks),
      custom: map(model.custom),
      dependencySteps: map(model.dependencySteps),
      buildSteps: map(model.buildSteps),
      userSetup: map(model.userSetup),
      labels: map(model.labels),
      maintainer: model.maintainer ? { ...model.maintainer, line: earlier.lines.get(model.maintainer.line) ?? model.maintainer.line } : null,
    },
  };
}

function quote(value: string): string {
  return /^[A-Za-z0-9_./:@%+,-]*$/.test(value) && value !== '' ? value : JSON.stringify(value);
}

function parseGenerated(text: string): { lines: string[]; stages: GenStage[] } {
  const lines = text.replace(/\n$/, '').split('\n');
  const stages: GenStage[] = [];
  let dockerfile;
  try {
    dockerfile = parseDockerfileAst(text);
  } catch {
    return { lines, stages };
  }
  for (const instruction of dockerfile.getInstructions()) {
    const range = instruction.getRange();
    if (instruction.getKeyword().toUpperCase() === 'FROM') {
      const from = instruction as unknown as { getImage(): string | null; getBuildStage(): string | null };
      stages.push({ index: stages.length, name: from.getBuildStage(), image: from.getImage() ?? '', fromLine: range.start.line, fromEnd: range.end.line, end: range.end.line, instructions: [] });
      continue;
    }
    const stage = stages[stages.length - 1];
    if (!stage) continue;
    stage.instructions.push(instruction);
    stage.end = range.end.line;
  }
  return { lines, stages };
}

type Anchor = { after: number } | { before: number };

/** Where to put lines in a generated stage. */
function anchorLine(stage: GenStage, where: 'afterFrom' | 'beforeUser' | 'beforeCommand' | 'end'): Anchor {
  if (where === 'afterFrom') return { after: stage.fromEnd };
  if (where === 'end') return { after: stage.end };
  const keywords = where === 'beforeUser' ? ['USER', 'EXPOSE', 'HEALTHCHECK', 'CMD', 'ENTRYPOINT'] : ['HEALTHCHECK', 'CMD', 'ENTRYPOINT'];
  const hit = stage.instructions.find((i) => keywords.includes(i.getKeyword().toUpperCase()));
  return hit ? { before: hit.getRange().start.line } : { after: stage.end };
}

/** Line edits over the generated text; comment blocks stay attached to the instruction they explain. */
class Editor {
  private before = new Map<number, string[]>();
  private after = new Map<number, string[]>();
  private replaced = new Map<number, string[]>();
  private removed = new Set<number>();
  private fromFlags = new Map<number, string>();
  /** Lines to put above a block as it is inserted or replaces an instruction. */
  prefix: (lines: string[], at: number) => string[] = (lines) => lines;
  /** Instructions inserted per anchor, so the same one is never inserted twice at one place. */
  private inserted = new Set<string>();

  constructor(private readonly lines: string[]) {}

  insert(anchor: Anchor, lines: string[]): void {
    const at = 'after' in anchor ? anchor.after : anchor.before;
    const instructions = lines.filter((line) => !/^\s*#/.test(line)).join('\n');
    const key = `${'after' in anchor ? 'a' : 'b'}${at}:${instructions}`;
    if (instructions) {
      if (this.inserted.has(key)) return;
      this.inserted.add(key);
    }
    lines = this.prefix(lines, at);
    if ('after' in anchor) {
      const list = this.after.get(anchor.after) ?? [];
      list.push(...lines);
      this.after.set(anchor.after, list);
      return;
    }
    let start = anchor.before;
    while (start > 0 && /^\s*#/.test(this.lines[start - 1]) && !/^\s*#\s*(syntax|escape)\s*=/.test(this.lines[start - 1])) start--;
    const list = this.before.get(start) ?? [];
    list.push(...lines);
    this.before.set(start, list);
  }

  replace(instruction: Instruction, lines: string[]): void {
    const range = instruction.getRange();
    if (lines.length) lines = this.prefix(lines, range.start.line);
    this.replaced.set(range.start.line, lines);
    for (let i = range.start.line + 1; i <= range.end.line; i++) this.removed.add(i);
    // A removed instruction takes its explaining comment with it.
    if (lines.length === 0) for (let i = range.start.line - 1; i >= 0 && /^\s*#/.test(this.lines[i]) && !/^\s*#\s*(syntax|escape)\s*=/i.test(this.lines[i]); i--) this.removed.add(i);
  }

  editFrom(stage: GenStage, platform: string): void {
    this.fromFlags.set(stage.fromLine, platform);
  }

  render(): string {
    const out: string[] = [...(this.after.get(-1) ?? [])];
    if (out.length) out.push('');
    this.lines.forEach((line, i) => {
      out.push(...(this.before.get(i) ?? []));
      if (this.replaced.has(i)) out.push(...this.replaced.get(i)!);
      else if (!this.removed.has(i)) {
        const platform = this.fromFlags.get(i);
        out.push(platform && !/--platform/.test(line) ? line.replace(/^(\s*FROM)\s+/i, `$1 --platform=${platform} `) : line);
      }
      out.push(...(this.after.get(i) ?? []));
    });
    return out.join('\n') + '\n';
  }
}

/** Secret variable names a text reads (for tests and the review screen). */
export function secretsReadBy(text: string, model: DockerfileModel): string[] {
  const secret = new Set([...model.globalArgs, ...model.variables].filter((v) => v.secret).map((v) => v.name));
  return referencedVariables(text).filter((n) => secret.has(n));
}

/** Answer fields the existing Dockerfile can decide. */
export interface AdjustableAnswers {
  base: 'distroless' | 'alpine' | 'slim' | 'scratch';
  appDir: string;
  port: number | null;
}

/**
 * Adjusts answers to what the existing Dockerfile needs: a final base with a shell and a package
 * manager (`slim`) when run-time packages or steps must be carried over, its WORKDIR as the app
 * dir, its EXPOSEd port when none is known. Returns the reasons, for the review screen.
 */
export function retrofitAnswers<T extends AdjustableAnswers>(existingDockerfile: string, answers: T): { answers: T; reasons: string[] } {
  const model = analyzeDockerfile(existingDockerfile);
  const reasons: string[] = [];
  const next = { ...answers };
  if (!model.ok) return { answers: next, reasons };
  const final = model.stages[model.stages.length - 1];
  const single = model.stages.length === 1;
  if (next.base === 'distroless' || next.base === 'scratch') {
    const runtimePackages = model.packages.filter((p) => p.stage === final.index).flatMap((p) => p.packages).filter((p) => !single || !buildOnlyPackage(p));
    const runtimeSteps = model.custom.filter((c) => c.stage === final.index && c.keyword === 'RUN' && !(single && c.commands.some((x) => TOOLCHAIN.has((programWords(x)[0] ?? '').replace(/^.*\//, '')))));
    const shellCommand = model.commands.some((c) => c.stage === final.index && c.needsShell);
    if (runtimePackages.length || runtimeSteps.length || shellCommand) {
      next.base = 'slim';
      const why = runtimePackages.length ? `installs ${runtimePackages.join(' ')} for run time` : runtimeSteps.length ? `runs its own steps in the final image (line ${runtimeSteps[0].line})` : 'starts with a command that needs a shell';
      reasons.push(`final base: slim instead of ${answers.base}, because your Dockerfile ${why}`);
    }
  }
  if (final.workdir && final.workdir !== '/' && !final.workdir.includes('$') && final.workdir !== next.appDir) {
    reasons.push(`app dir: ${final.workdir}, the WORKDIR of your Dockerfile`);
    next.appDir = final.workdir;
  }
  if (next.port === null) {
    const port = model.ports.filter((p) => p.stage === final.index).map((p) => Number.parseInt(p.port, 10)).find((n) => Number.isInteger(n) && n > 0 && n < 65536);
    if (port) {
      next.port = port;
      reasons.push(`port: ${port}, as your Dockerfile EXPOSEs it`);
    }
  }
  return { answers: next, reasons };
}
