import { GenerateError } from '../types.js';
import { existing, noProbeReason, requireImage } from './common.js';
import type { StackInput, StackPlan } from './types.js';

/** Solution-wide files that restore reads. */
const SHARED = ['global.json', 'nuget.config', 'NuGet.Config', 'Directory.Build.props', 'Directory.Packages.props'];

export function planDotnet(input: StackInput): StackPlan {
  const { answers } = input;
  const notes: string[] = [];
  const projects = [...input.files].filter((file) => /\.(cs|fs|vb)proj$/.test(file) && !/(^|\/)(test|tests)\b|\.Tests?\./i.test(file)).sort((a, b) => a.split('/').length - b.split('/').length || (a < b ? -1 : 1));
  const project = projects[0];
  if (!project) throw new GenerateError('language', 'dotnet app without a .csproj/.fsproj', 'run harden-init in the folder that holds the project file');
  const assembly = project.split('/').pop()!.replace(/\.(cs|fs|vb)proj$/, '');
  const version = /^\d+$/.test(answers.runtimeVersion) ? `${answers.runtimeVersion}.0` : answers.runtimeVersion.split('.').slice(0, 2).join('.');
  let flavor: string = input.base;
  if (flavor === 'scratch') {
    notes.push('scratch has no .NET runtime: using the chiseled (distroless) image instead');
    flavor = 'distroless';
  }
  const reasons: Record<string, string> = {
    distroless: 'ASP.NET chiseled (Ubuntu): the runtime and its libraries only, no shell and no package manager',
    slim: 'ASP.NET (Ubuntu): the runtime with a shell, chosen by --base slim',
    alpine: 'ASP.NET alpine: small musl-based runtime, chosen by --base alpine',
  };
  const port = answers.port ?? 8080;
  return {
    template: 'dotnet',
    stages: [
      { name: 'build', image: requireImage('dotnet', 'build', 'slim', version, notes, input.today), reason: 'the .NET SDK: packages are restored and the app is published here' },
      { name: 'final', image: requireImage('dotnet', 'final', flavor, version, notes, input.today), reason: reasons[flavor] },
    ],
    finalFlavor: flavor,
    finalHasShell: flavor !== 'distroless',
    slots: { project, assembly, alpine: flavor === 'alpine', shared: existing(input, SHARED) },
    copySources: [project, ...existing(input, SHARED)],
    requiredFiles: [],
    ignore: ['**/bin', '**/obj', '*.user', '.vs', 'TestResults'],
    entrypoint: ['dotnet', `${answers.appDir}/${assembly}.dll`],
    cmd: [],
    probe: null,
    noProbeReason: noProbeReason(input, 'No HEALTHCHECK: the chiseled image has no shell or HTTP client; map /health with MapHealthChecks and probe it from the orchestrator.'),
    runtimeWritable: [],
    env: [
      ['ASPNETCORE_HTTP_PORTS', String(port)],
      ['DOTNET_RUNNING_IN_CONTAINER', 'true'],
    ],
    notes,
  };
}
