import { existing, noProbeReason, probeUrl, requireImage, splitCommand } from './common.js';
import type { StackInput, StackPlan } from './types.js';

export function planRuby(input: StackInput): StackPlan {
  const { answers } = input;
  const notes: string[] = [];
  const version = answers.runtimeVersion.split('.').slice(0, 2).join('.');
  let flavor: string = input.base;
  if (flavor === 'distroless' || flavor === 'scratch') {
    notes.push(`no ${flavor} image for Ruby: using ruby slim, the smallest official runtime`);
    flavor = 'slim';
  }
  const finalImage = requireImage('ruby', 'final', flavor, version, notes, input.today);
  const buildImage = flavor === 'alpine' ? finalImage : requireImage('ruby', 'build', 'slim', version, notes, input.today);
  const rails = answers.framework === 'rails';
  const { env, words } = splitCommand(answers.startCommand, 'startCommand');
  const url = probeUrl(input);
  return {
    template: 'ruby',
    stages: [
      { name: 'build', image: buildImage, reason: 'ruby with a C toolchain: native gems compile here and the toolchain stays here' },
      {
        name: 'final',
        image: finalImage,
        reason: flavor === 'alpine' ? 'ruby alpine: small musl-based runtime, chosen by --base alpine' : 'ruby slim (Debian): the smallest official Ruby runtime; no distroless Ruby exists',
      },
    ],
    finalFlavor: flavor,
    finalHasShell: true,
    slots: {
      alpine: flavor === 'alpine',
      manifests: existing(input, ['Gemfile', 'Gemfile.lock']),
      rails,
      assets: rails && input.files.has('app/assets/config/manifest.js'),
      build: answers.buildCommand,
    },
    copySources: existing(input, ['Gemfile', 'Gemfile.lock']),
    requiredFiles: rails ? existing(input, ['config.ru', 'bin/rails']) : existing(input, ['config.ru']),
    ignore: ['vendor/bundle', '.bundle', 'log', 'tmp', 'coverage', 'public/assets', 'storage/*', 'node_modules'],
    entrypoint: null,
    cmd: words,
    probe: url ? ['ruby', '-rnet/http', '-e', `exit(Net::HTTP.get_response(URI('${url}')).is_a?(Net::HTTPSuccess) ? 0 : 1)`] : null,
    noProbeReason: noProbeReason(input, ''),
    runtimeWritable: rails ? [`${answers.appDir}/tmp`, `${answers.appDir}/log`] : [],
    env: [
      ['BUNDLE_DEPLOYMENT', '1'],
      ['BUNDLE_PATH', '/usr/local/bundle'],
      ['BUNDLE_WITHOUT', 'development:test'],
      ...(rails ? ([['RAILS_ENV', 'production'], ['RAILS_LOG_TO_STDOUT', '1']] as Array<[string, string]>) : []),
      ...env,
    ],
    notes,
  };
}
