import type { Rule, RuleHit } from '../rule.js';
import type { Instr } from '../model.js';
import { isProgram, positionals, type ShellCommand } from '../shell/index.js';
import { finalStage } from './helpers.js';
import { mountsCacheAt } from './pm-shared.js';

interface Manager {
  name: string;
  installs: (c: ShellCommand) => boolean;
  cleans: (c: ShellCommand) => boolean;
  cacheDir: RegExp;
  advice: string;
}

const rmOf = (dir: RegExp) => (c: ShellCommand) => isProgram(c, 'rm') && positionals(c).some((p) => dir.test(p));

const MANAGERS: Manager[] = [
  {
    name: 'npm',
    installs: (c) => isProgram(c, 'npm') && ['ci', 'install', 'i', 'add'].includes(positionals(c)[0] ?? ''),
    cleans: (c) => (isProgram(c, 'npm') && positionals(c)[0] === 'cache' && positionals(c)[1] === 'clean') || rmOf(/\.npm(\/_cacache)?\/?\*?$/)(c),
    cacheDir: /\.npm\/?$/,
    advice: '`npm cache clean --force` in the same RUN, or `RUN --mount=type=cache,target=/root/.npm`',
  },
  {
    name: 'pnpm',
    installs: (c) => isProgram(c, 'pnpm') && ['install', 'i', 'add'].includes(positionals(c)[0] ?? ''),
    cleans: (c) => (isProgram(c, 'pnpm') && positionals(c)[0] === 'store' && positionals(c)[1] === 'prune') || rmOf(/pnpm/)(c),
    cacheDir: /pnpm/,
    advice: '`pnpm store prune` in the same RUN, or a cache mount for the pnpm store',
  },
  {
    name: 'bundler',
    installs: (c) => isProgram(c, 'bundle') && ['install'].includes(positionals(c)[0] ?? ''),
    cleans: rmOf(/(bundle|gems)\/cache|\.bundle\/cache/),
    cacheDir: /bundle|gem/,
    advice: '`rm -rf /usr/local/bundle/cache` in the same RUN, or a cache mount',
  },
  {
    name: 'composer',
    installs: (c) => isProgram(c, 'composer') && ['install', 'require', 'update'].includes(positionals(c)[0] ?? '') && !c.args.includes('--no-cache'),
    cleans: (c) => (isProgram(c, 'composer') && positionals(c)[0] === 'clear-cache') || rmOf(/composer/)(c),
    cacheDir: /composer/,
    advice: '`composer install --no-cache`, or `composer clear-cache` in the same RUN',
  },
];

function leftCaches(instr: Instr): Manager[] {
  const commands = instr.shell().commands;
  return MANAGERS.filter((m) => commands.some(m.installs) && !commands.some(m.cleans) && !mountsCacheAt(instr, m.cacheDir));
}

export const rule: Rule = {
  id: 'HI335',
  slug: 'clean-package-caches',
  level: 'info',
  title: 'Package-manager cache left in a layer of the final image',
  fix: 'Clean the package-manager cache in the same RUN or mount it with `RUN --mount=type=cache,...`.',
  aliases: [],
  docs: "Package managers keep a copy of everything they download. In the final stage that cache ships in the image: size, and copies of packages a scanner flags even though the app never loads them. Build stages don't ship, so only the final stage is checked. (apt, apk, pip and yarn have their own rules.)",
  check(model) {
    const stage = finalStage(model);
    if (!stage) return [];
    const hits: RuleHit[] = [];
    for (const instr of stage.instructions) {
      if (instr.keyword !== 'RUN') continue;
      const managers = leftCaches(instr);
      if (managers.length) hits.push({ line: instr.line, column: instr.column, message: `${managers.map((m) => m.name).join(', ')} cache left in the layer: use ${managers[0].advice}` });
    }
    return hits;
  },
};
