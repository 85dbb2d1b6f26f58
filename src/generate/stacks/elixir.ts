import { existing, noProbeReason, requireImage } from './common.js';
import type { StackInput, StackPlan } from './types.js';

/** Elixir (Phoenix included) as a mix release: the release carries its own ERTS, so the final image needs only glibc and OpenSSL. */
export function planElixir(input: StackInput): StackPlan {
  const { answers } = input;
  const notes: string[] = [];
  if (input.base !== 'slim') notes.push(`a mix release needs glibc, OpenSSL and ncurses: using Debian slim instead of ${input.base}`);
  const name = input.meta.name ?? 'app';
  if (!input.meta.name) notes.push('release name not found in mix.exs: assuming "app"');
  const phoenix = answers.framework === 'phoenix';
  return {
    template: 'elixir',
    stages: [
      { name: 'build', image: requireImage('elixir', 'build', 'slim', null, notes, input.today), reason: 'Elixir and Erlang/OTP: dependencies are fetched and the release is assembled here' },
      { name: 'final', image: requireImage('any', 'final', 'slim', null, notes, input.today), reason: 'Debian slim: the release brings its own Erlang runtime and needs only the C and crypto libraries' },
    ],
    finalFlavor: 'slim',
    finalHasShell: true,
    slots: {
      manifests: existing(input, ['mix.exs', 'mix.lock']),
      config: input.files.has('config/config.exs') || [...input.files].some((file) => file.startsWith('config/')),
      assets: phoenix && [...input.files].some((file) => file.startsWith('assets/')),
      name,
    },
    copySources: existing(input, ['mix.exs', 'mix.lock']),
    requiredFiles: [],
    ignore: ['_build', 'deps', '.elixir_ls', 'cover', 'priv/static/assets', 'erl_crash.dump', 'node_modules'],
    entrypoint: [`${answers.appDir}/bin/${name}`],
    cmd: ['start'],
    probe: null,
    noProbeReason: noProbeReason(input, 'No HEALTHCHECK: the image carries no HTTP client; probe the endpoint from the orchestrator.'),
    runtimeWritable: [],
    env: [
      ['MIX_ENV', 'prod'],
      ['LANG', 'C.UTF-8'],
      ['RELEASE_TMP', '/tmp'],
      ...(phoenix ? ([['PHX_SERVER', 'true']] as Array<[string, string]>) : []),
      ...(answers.port ? ([['PORT', String(answers.port)]] as Array<[string, string]>) : []),
    ],
    notes,
  };
}
