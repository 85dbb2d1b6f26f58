import { dotnetProperty } from './dotnet.js';
import type { AppMetadata, RepoSnapshot } from './types.js';
import { AppView, Session, arr, obj, str, type Obj } from './view.js';

/** `git+https://github.com/a/b.git`, `github:a/b`, `a/b` -> `https://github.com/a/b`. */
export function normaliseRepositoryUrl(url: string): string | undefined {
  let u = url.trim().replace(/^git\+/, '').replace(/\.git$/, '');
  const short = /^(github|gitlab|bitbucket):([\w.-]+\/[\w.-]+)$/.exec(u);
  if (short) return `https://${short[1]}.${short[1] === 'bitbucket' ? 'org' : 'com'}/${short[2]}`;
  if (/^[\w.-]+\/[\w.-]+$/.test(u)) return `https://github.com/${u}`;
  const ssh = /^(?:ssh:\/\/)?git@([\w.-]+)[:/](.+)$/.exec(u);
  if (ssh) u = `https://${ssh[1]}/${ssh[2]}`;
  u = u.replace(/^git:\/\//, 'https://').replace(/^http:\/\//, 'https://');
  return /^https:\/\/\S+$/.test(u) ? u : undefined;
}

/** "Jane Doe <jane@example.com> (https://jane.dev)" or {name, email} -> "Jane Doe <jane@example.com>". */
function person(value: unknown): string | undefined {
  if (typeof value === 'string') return value.replace(/\s*\([^)]*\)\s*$/, '').trim() || undefined;
  const o = obj(value);
  const name = str(o?.name);
  if (!name) return undefined;
  const email = str(o?.email);
  return email ? `${name} <${email}>` : name;
}

function personName(value: string | undefined): string | undefined {
  return value?.replace(/\s*<[^>]*>\s*$/, '').trim() || undefined;
}

function clean(meta: AppMetadata): AppMetadata {
  return Object.fromEntries(Object.entries(meta).filter(([, v]) => typeof v === 'string' && v.trim() !== '').map(([k, v]) => [k, (v as string).trim()])) as AppMetadata;
}

function fromPackageJson(pkg: Obj): AppMetadata {
  const repository = str(pkg.repository) ?? str(obj(pkg.repository)?.url);
  const author = person(pkg.author) ?? person(arr(pkg.contributors)[0]);
  const license = str(pkg.license) ?? str(obj(pkg.license)?.type) ?? (arr(pkg.licenses).map((l) => str(obj(l)?.type)).filter(Boolean).join(' OR ') || undefined);
  return {
    title: str(pkg.name),
    description: str(pkg.description),
    version: str(pkg.version),
    licenses: license,
    author,
    vendor: personName(author),
    homepage: str(pkg.homepage),
    source: repository ? normaliseRepositoryUrl(repository) : undefined,
    bugsUrl: str(pkg.bugs) ?? str(obj(pkg.bugs)?.url),
  };
}

function fromPyproject(doc: Obj): AppMetadata {
  const project = obj(doc.project);
  const poetry = obj(obj(doc.tool)?.poetry);
  const p = project ?? poetry;
  if (!p) return {};
  const urls = { ...obj(poetry?.urls), ...obj(project?.urls) } as Obj;
  const pick = (...names: string[]) => {
    for (const [key, value] of Object.entries(urls)) if (names.includes(key.toLowerCase().replace(/[\s_-]/g, ''))) return str(value);
    return undefined;
  };
  const author = person(arr(p.authors)[0]) ?? (typeof arr(p.authors)[0] === 'string' ? (arr(p.authors)[0] as string) : undefined);
  const license = str(p.license) ?? str(obj(p.license)?.text);
  const repository = str(poetry?.repository) ?? pick('source', 'repository', 'sourcecode', 'code');
  return {
    title: str(p.name),
    description: str(p.description),
    version: str(p.version),
    licenses: license && license.length < 100 ? license : undefined,
    author,
    vendor: personName(author),
    homepage: str(poetry?.homepage) ?? pick('homepage', 'home', 'documentation'),
    source: repository ? normaliseRepositoryUrl(repository) : undefined,
    bugsUrl: pick('issues', 'bugtracker', 'bugs', 'tracker'),
  };
}

function fromCargo(doc: Obj): AppMetadata {
  const p = obj(doc.package);
  if (!p) return {};
  const author = arr(p.authors).find((a): a is string => typeof a === 'string');
  const repository = str(p.repository);
  return {
    title: str(p.name),
    description: str(p.description),
    version: str(p.version),
    licenses: str(p.license),
    author,
    vendor: personName(author),
    homepage: str(p.homepage),
    source: repository ? normaliseRepositoryUrl(repository) : undefined,
  };
}

function fromComposer(doc: Obj): AppMetadata {
  const license = Array.isArray(doc.license) ? (doc.license as unknown[]).filter((l) => typeof l === 'string').join(' OR ') : str(doc.license);
  const author = person(arr(doc.authors)[0]);
  const support = obj(doc.support);
  const source = str(support?.source);
  return {
    title: str(doc.name),
    description: str(doc.description),
    version: str(doc.version),
    licenses: license || undefined,
    author,
    vendor: personName(author),
    homepage: str(doc.homepage),
    source: source ? normaliseRepositoryUrl(source) : undefined,
    bugsUrl: str(support?.issues),
  };
}

function fromPom(doc: Obj): AppMetadata {
  const project = obj(doc.project);
  if (!project) return {};
  const license = arr(obj(project.licenses)?.license).map((l) => str(obj(l)?.name)).filter(Boolean).join(' OR ');
  const scm = obj(project.scm);
  const source = str(scm?.url);
  const developer = str(obj(arr(obj(project.developers)?.developer)[0])?.name);
  return {
    title: str(project.name) ?? str(project.artifactId),
    description: str(project.description),
    version: str(project.version)?.includes('${') ? undefined : str(project.version),
    licenses: license || undefined,
    author: developer,
    vendor: str(obj(project.organization)?.name) ?? developer,
    homepage: str(project.url),
    source: source ? normaliseRepositoryUrl(source) : undefined,
    bugsUrl: str(obj(project.issueManagement)?.url),
  };
}

function fromCsproj(doc: Obj, file: string): AppMetadata {
  const prop = (name: string) => dotnetProperty(doc, name);
  const repository = prop('RepositoryUrl');
  return {
    title: prop('PackageId') ?? prop('AssemblyName') ?? file.split('/').pop()?.replace(/\.\w+proj$/, ''),
    description: prop('Description'),
    version: prop('Version') ?? prop('VersionPrefix'),
    licenses: prop('PackageLicenseExpression'),
    author: prop('Authors'),
    vendor: prop('Company') ?? prop('Authors'),
    homepage: prop('PackageProjectUrl'),
    source: repository ? normaliseRepositoryUrl(repository) : undefined,
  };
}

function fromMix(text: string): AppMetadata {
  const source = /source_url:\s*"([^"]+)"/.exec(text)?.[1];
  return {
    title: /\bapp:\s*:(\w+)/.exec(text)?.[1],
    description: /description:\s*"([^"]+)"/.exec(text)?.[1],
    version: /\bversion:\s*"([^"]+)"/.exec(text)?.[1],
    homepage: /homepage_url:\s*"([^"]+)"/.exec(text)?.[1],
    source: source ? normaliseRepositoryUrl(source) : undefined,
  };
}

/**
 * Package metadata for OCI labels from the app's manifest (package.json, pyproject.toml,
 * Cargo.toml, composer.json, pom.xml, *.csproj, mix.exs, deno.json), first one found wins per field.
 */
export function readAppMetadata(snapshot: RepoSnapshot, appPath = '.'): AppMetadata {
  const session = new Session(snapshot);
  const dir = appPath.replace(/^\.\/?/, '').replace(/\/+$/, '');
  const view = new AppView(session, dir);
  const sources: AppMetadata[] = [];
  const pkg = view.json('package.json');
  if (pkg) sources.push(fromPackageJson(pkg));
  const deno = view.jsonc('deno.json') ?? view.jsonc('deno.jsonc');
  if (deno) sources.push(fromPackageJson(deno));
  const pyproject = view.toml('pyproject.toml');
  if (pyproject) sources.push(fromPyproject(pyproject));
  const cargo = view.toml('Cargo.toml');
  if (cargo) sources.push(fromCargo(cargo));
  const composer = view.json('composer.json');
  if (composer) sources.push(fromComposer(composer));
  const pom = view.xml('pom.xml');
  if (pom) sources.push(fromPom(pom));
  const csproj = view.list().find((f) => /\.(cs|fs|vb)proj$/.test(f));
  if (csproj) {
    const doc = view.xml(csproj);
    if (doc) sources.push(fromCsproj(doc, csproj));
  }
  const mix = view.read('mix.exs', 64 * 1024);
  if (mix) sources.push(fromMix(mix));
  // Fields a workspace app leaves out (repository, license) often live in the root manifest.
  if (dir !== '') {
    const root = obj(session.parse('package.json', 'json'));
    if (root) sources.push({ ...fromPackageJson(root), title: undefined, description: undefined, version: undefined });
  }
  const merged: AppMetadata = {};
  for (const source of sources.map(clean)) {
    for (const [key, value] of Object.entries(source) as Array<[keyof AppMetadata, string]>) merged[key] ??= value;
  }
  return merged;
}
