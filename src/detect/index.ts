import { detectApp, type AppDetection } from './registry.js';
import type { AppFacts, Detection, RepoSnapshot } from './types.js';
import { AppView, Session } from './view.js';
import { findWorkspace, manifestDirs } from './workspace.js';
import { toDay } from '../eol/table.js';

export type { AppFacts, AppMetadata, BuildSecretNeed, Detection, Evidence, Language, PackageManager, RepoSnapshot } from './types.js';
export { readAppMetadata } from './metadata.js';
export { findSecretFiles, needsBuildSecrets } from './secrets.js';
export { snapshotFromFiles } from './memory.js';
export { detectors } from './registry.js';

export interface DetectOptions {
  /** Workspace app (repo-relative path) the top-level fields describe; default: the repo root. */
  app?: string;
  /**
   * The day a version range is resolved on (the newest supported line it allows) and pins are
   * checked for their end of life. Default: the day the end-of-life table was taken; the CLI passes today.
   */
  today?: Date;
}

/** `--app` names a directory that does not exist in the repository. */
export class UnknownAppError extends Error {
  constructor(
    readonly app: string,
    readonly apps: string[],
  ) {
    super(`no app at ${app}`);
  }
}

/** Whether a detected app is something to deploy (a server or a site), not a library. */
function deployable(result: AppDetection): boolean {
  const { facts } = result;
  if (facts.language === 'unknown' || result.match?.library) return false;
  if (facts.start !== null) return true;
  return facts.framework !== null && facts.language === 'node';
}

function normaliseAppPath(app: string): string {
  return app.replace(/\\/g, '/').replace(/^\.\/+/, '').replace(/\/+$/, '').replace(/^\.$/, '');
}

/** Detects the stack of a repository snapshot. Pure: reads only through the snapshot. */
export function detectRepo(snapshot: RepoSnapshot, options: DetectOptions = {}): Detection {
  const session = new Session(snapshot, toDay(options.today));
  const root = detectApp(new AppView(session, ''));
  const workspace = findWorkspace(session);
  const apps: Detection['apps'] = [];
  const warnings: string[] = [...snapshot.notes];
  if (workspace) {
    for (const member of workspace.members) {
      const result = detectApp(new AppView(session, member));
      if (!deployable(result)) continue;
      apps.push({ path: member, ...result.facts, evidence: result.evidence });
      warnings.push(...result.warnings);
    }
    if (apps.length > 1 && options.app === undefined) {
      warnings.push(`${apps.length} deployable apps (${apps.map((a) => a.path).join(', ')}): pass --app <path> to choose one`);
    }
  }

  let top: AppFacts = root.facts;
  let evidence = [...(workspace?.evidence ?? []), ...root.evidence];
  let rootWarnings = root.warnings;
  if (!workspace && root.match === null) {
    // Nothing at the top: the app may live in a subdirectory (a repo holding one service).
    for (const dir of manifestDirs(session).filter((d) => d.split('/').length <= 3).sort()) {
      if (apps.some((a) => dir.startsWith(`${a.path}/`))) continue;
      const result = detectApp(new AppView(session, dir));
      if (result.match === null || result.facts.language === 'unknown') continue;
      apps.push({ path: dir, ...result.facts, evidence: result.evidence });
    }
    if (apps.length === 1 && options.app === undefined) {
      const { path: only, evidence: appEvidence, ...facts } = apps[0];
      top = facts;
      evidence = appEvidence ?? [];
      rootWarnings = [`nothing to build at the top; the app is in ${only}: pass --app ${only}`];
    } else if (apps.length > 1 && options.app === undefined) {
      rootWarnings = [`nothing to build at the top; apps in ${apps.map((a) => a.path).join(', ')}: pass --app <path> to choose one`];
    }
  }
  const app = options.app === undefined ? '' : normaliseAppPath(options.app);
  if (app !== '') {
    const listed = apps.find((a) => a.path === app);
    if (listed) {
      const { path: _path, evidence: appEvidence, ...facts } = listed;
      top = facts;
      evidence = appEvidence ?? [];
    } else if (session.hasDir(app)) {
      const result = detectApp(new AppView(session, app));
      top = result.facts;
      evidence = result.evidence;
      warnings.push(...result.warnings);
    } else {
      throw new UnknownAppError(app, apps.map((a) => a.path));
    }
  } else {
    warnings.unshift(...rootWarnings);
  }
  return {
    ...top,
    workspace: workspace !== null,
    apps,
    evidence,
    warnings: [...new Set([...session.warnings, ...warnings])],
  };
}

/** Snapshot + detection of a directory on disk. */
export async function detect(dir: string, options: DetectOptions = {}): Promise<Detection> {
  const { readRepoSnapshot } = await import('./snapshot.js');
  return detectRepo(await readRepoSnapshot(dir), options);
}
