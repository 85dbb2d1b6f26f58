import { Findings, pinnedVersion, procfileWeb, portInFiles, type Detector, type VersionSource } from './stack.js';
import { obj, str, type AppView, type Obj } from './view.js';

const PROJECT = /\.(cs|fs|vb)proj$/;

/** The project to publish: web SDK first, test projects last, shallowest path first. */
function pickProject(view: AppView): string | null {
  const projects = view.files(3).filter((f) => PROJECT.test(f));
  if (projects.length === 0) return null;
  const score = (file: string) => {
    const text = view.read(file, 64 * 1024) ?? '';
    let s = 0;
    if (/Sdk="Microsoft\.NET\.Sdk\.Web"/.test(text)) s -= 10;
    if (/test/i.test(file) || /Microsoft\.NET\.Test\.Sdk/.test(text)) s += 20;
    return s + file.split('/').length;
  };
  return [...projects].sort((a, b) => score(a) - score(b) || a.localeCompare(b))[0];
}

function propertyGroups(doc: Obj | undefined): Obj[] {
  const groups = obj(doc?.Project)?.PropertyGroup;
  return (Array.isArray(groups) ? groups : [groups]).map(obj).filter((g): g is Obj => g !== undefined);
}

export function dotnetProperty(doc: Obj | undefined, name: string): string | undefined {
  for (const group of propertyGroups(doc)) {
    const value = str(group[name]);
    if (value) return value;
  }
  return undefined;
}

export const dotnetDetector: Detector = {
  id: 'dotnet',
  detect(view) {
    const project = pickProject(view);
    const sln = view.list().find((f) => f.endsWith('.sln'));
    if (!project && !sln) return null;
    const found = new Findings();
    found.note(view.path(project ?? sln!), project ? '.NET project' : '.NET solution');
    const doc = project ? view.xml(project) : undefined;
    const targetFramework: VersionSource = {
      file: project ?? '',
      extract() {
        const tfm = dotnetProperty(doc, 'TargetFramework') ?? dotnetProperty(doc, 'TargetFrameworks')?.split(';')[0];
        const match = tfm ? /^net(?:coreapp)?(\d+\.\d+)/.exec(tfm) : null;
        return match ? { raw: match[1], field: `TargetFramework ${tfm}` } : null;
      },
    };
    const globalJson: VersionSource = {
      file: 'global.json',
      extract(v, path) {
        const sdk = str(obj(obj(v.session.parse(path, 'json'))?.sdk)?.version);
        const match = sdk ? /^(\d+\.\d+)/.exec(sdk) : null;
        return match ? { raw: match[1], field: `sdk.version ${sdk}` } : null;
      },
    };
    const version = pinnedVersion(view, found, project ? [targetFramework, globalJson] : [globalJson], undefined, { product: 'dotnet', stack: 'dotnet' });
    const text = project ? view.read(project, 64 * 1024) ?? '' : '';
    const web = /Sdk="Microsoft\.NET\.Sdk\.Web"/.test(text);
    if (web) found.note(view.path(project!), 'Microsoft.NET.Sdk.Web: ASP.NET Core');
    const assembly = dotnetProperty(doc, 'AssemblyName') ?? project?.split('/').pop()?.replace(PROJECT, '') ?? null;
    const target = project && project.includes('/') ? ` ${project}` : '';
    const start = procfileWeb(view, found) ?? (assembly ? `dotnet out/${assembly}.dll` : null);
    let port = portInFiles(view, found, ['Program.cs', 'Program.fs']);
    if (port === null && web) {
      const major = version ? Number(version.split('.')[0]) : 8;
      port = major >= 8 ? 8080 : 80;
      found.note(view.path(project!), `ASP.NET Core ${major >= 8 ? '8+' : major} listens on ${port} in containers`);
    }
    return {
      language: 'dotnet',
      confidence: project ? 0.9 : 0.6,
      facts: {
        packageManager: 'dotnet',
        version,
        framework: web ? 'aspnetcore' : null,
        build: `dotnet publish${target} -c Release -o out --no-restore`,
        start,
        install: `dotnet restore${target}`,
        port,
      },
      evidence: found.evidence,
    };
  },
};
