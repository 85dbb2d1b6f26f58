import { existing, noProbeReason, probeUrl, requireImage } from './common.js';
import type { StackInput, StackPlan } from './types.js';

/** PHP behind Apache, run as a non-root user on 8080; Composer only in the build stage. */
export function planPhp(input: StackInput): StackPlan {
  const { answers } = input;
  const notes: string[] = [];
  if (input.base !== 'slim') notes.push(`no ${input.base} PHP web server image: using php apache (Debian slim), run as a non-root user`);
  const version = answers.runtimeVersion.split('.').slice(0, 2).join('.');
  const finalImage = requireImage('php', 'final', 'slim', version, notes, input.today);
  const framework = answers.framework;
  const docroot = framework === 'laravel' || framework === 'symfony' || input.files.has('public/index.php') ? `${answers.appDir}/public` : answers.appDir;
  const writable =
    framework === 'laravel'
      ? [`${answers.appDir}/storage`, `${answers.appDir}/bootstrap/cache`]
      : framework === 'symfony'
        ? [`${answers.appDir}/var`]
        : [];
  const url = probeUrl({ ...input, answers: { ...answers, port: 8080 } });
  if (answers.port !== null && answers.port !== 8080) notes.push(`Apache is set to listen on 8080 (unprivileged), not ${answers.port}`);
  return {
    template: 'php',
    stages: [
      { name: 'build', image: requireImage('php', 'build', 'composer', null, notes, input.today), reason: 'Composer: production dependencies are installed here; Composer itself stays here' },
      { name: 'final', image: finalImage, reason: 'php apache (Debian): PHP and a web server in one process tree, reconfigured to run unprivileged on 8080' },
    ],
    finalFlavor: 'slim',
    finalHasShell: true,
    slots: {
      manifests: existing(input, ['composer.json', 'composer.lock']),
      docroot,
      symfony: framework === 'symfony',
    },
    copySources: existing(input, ['composer.json', 'composer.lock']),
    requiredFiles: docroot.endsWith('/public') ? existing(input, ['public/index.php']) : existing(input, ['index.php']),
    ignore: ['vendor', 'var/cache', 'var/log', 'storage/logs/*', 'storage/framework/cache/*', 'storage/framework/sessions/*', 'storage/framework/views/*', 'node_modules', '.phpunit.result.cache'],
    entrypoint: null,
    cmd: ['apache2-foreground'],
    probe: url ? ['php', '-r', `exit(@file_get_contents('${url}') === false ? 1 : 0);`] : null,
    noProbeReason: noProbeReason({ ...input, answers: { ...answers, port: 8080 } }, ''),
    runtimeWritable: ['/var/run/apache2', '/var/lock/apache2', ...writable],
    env: [
      ['APACHE_DOCUMENT_ROOT', docroot],
      ...(framework === 'symfony' ? ([['APP_ENV', 'prod']] as Array<[string, string]>) : []),
    ],
    notes,
  };
}
