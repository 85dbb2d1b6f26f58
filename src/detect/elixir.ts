import { Findings, miseSources, pinnedVersion, procfileWeb, toolVersionsSource, type Detector, type VersionSource } from './stack.js';

const MIX_ELIXIR: VersionSource = {
  file: 'mix.exs',
  extract(view, path) {
    const match = /\belixir:\s*"([^"]+)"/.exec(view.session.snapshot.read(path, 64 * 1024) ?? '');
    return match ? { raw: match[1], field: 'elixir' } : null;
  },
};

export const elixirDetector: Detector = {
  id: 'elixir',
  detect(view) {
    const mix = view.read('mix.exs', 64 * 1024);
    if (mix === null) return null;
    const found = new Findings();
    found.note(view.path('mix.exs'), 'Mix project');
    const version = pinnedVersion(view, found, [toolVersionsSource(['elixir']), ...miseSources(['elixir']), MIX_ELIXIR], undefined, { product: 'elixir', stack: 'elixir' });
    const phoenix = /\{:phoenix,/.test(mix);
    if (phoenix) found.note(view.path('mix.exs'), 'dependency :phoenix');
    const app = /\bapp:\s*:(\w+)/.exec(mix)?.[1] ?? null;
    const umbrella = /apps_path:/.test(mix);
    const assets = phoenix && /"assets\.deploy"|assets\.deploy/.test(mix);
    const build = `${assets ? 'mix assets.deploy && ' : ''}mix release`;
    const start = procfileWeb(view, found) ?? (app ? `_build/prod/rel/${app}/bin/${app} start` : null);
    if (umbrella) found.note(view.path('mix.exs'), 'umbrella project');
    return {
      language: 'elixir',
      confidence: 0.9,
      facts: { packageManager: 'mix', version, framework: phoenix ? 'phoenix' : null, build, start, install: 'mix deps.get --only prod', port: phoenix ? 4000 : null },
      evidence: found.evidence,
    };
  },
};
