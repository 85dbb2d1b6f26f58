import { Findings, firstLineSource, miseSources, pinnedVersion, portInCommand, portInFiles, procfileWeb, toolVersionsSource, type Detector, type VersionSource } from './stack.js';

const GEMFILE_RUBY: VersionSource = {
  file: 'Gemfile',
  extract(view, path) {
    const match = /^\s*ruby\s+["']([^"']+)["']/m.exec(view.session.snapshot.read(path, 64 * 1024) ?? '');
    return match ? { raw: match[1], field: 'ruby' } : null;
  },
};
const LOCK_RUBY: VersionSource = {
  file: 'Gemfile.lock',
  extract(view, path) {
    const match = /^RUBY VERSION\s*\n\s+ruby\s+(\d[\w.]*)/m.exec(view.session.snapshot.read(path) ?? '');
    return match ? { raw: match[1], field: 'RUBY VERSION' } : null;
  },
};

function hasGem(gemfile: string, lock: string, name: string): boolean {
  return new RegExp(`^\\s*gem\\s+["']${name}["']`, 'm').test(gemfile) || new RegExp(`^    ${name} \\(`, 'm').test(lock);
}

export const rubyDetector: Detector = {
  id: 'ruby',
  detect(view) {
    const gemfile = view.read('Gemfile', 64 * 1024);
    const lock = view.read('Gemfile.lock') ?? '';
    const gemspec = view.list().find((f) => f.endsWith('.gemspec'));
    const rubyFiles = view.list().filter((f) => f.endsWith('.rb') || f === 'config.ru');
    if (gemfile === null && !lock && !gemspec && rubyFiles.length === 0) return null;
    const found = new Findings();
    found.note(view.path(gemfile !== null ? 'Gemfile' : lock ? 'Gemfile.lock' : gemspec ?? rubyFiles[0]), gemfile !== null ? 'bundler' : 'Ruby source');
    const version = pinnedVersion(view, found, [firstLineSource('.ruby-version', /^ruby-/), toolVersionsSource(['ruby']), ...miseSources(['ruby']), GEMFILE_RUBY, LOCK_RUBY], undefined, { product: 'ruby', stack: 'ruby' });
    const text = gemfile ?? '';
    const rails = hasGem(text, lock, 'rails') || view.has('config/application.rb');
    const framework = rails ? 'rails' : hasGem(text, lock, 'sinatra') ? 'sinatra' : hasGem(text, lock, 'hanami') ? 'hanami' : null;
    if (framework) found.note(view.path(rails && !hasGem(text, lock, 'rails') ? 'config/application.rb' : 'Gemfile'), `${framework} app`);
    const puma = hasGem(text, lock, 'puma');
    let start = procfileWeb(view, found);
    let port = start ? portInCommand(start) : null;
    let build: string | null = null;
    if (rails) {
      if (view.hasDir('app/assets') || view.hasDir('app/javascript')) build = 'bundle exec rails assets:precompile';
      start ??= view.has('config/puma.rb') && puma ? 'bundle exec puma -C config/puma.rb' : 'bundle exec rails server -b 0.0.0.0';
      port ??= 3000;
    } else if (!start && view.has('config.ru')) {
      start = puma ? 'bundle exec puma config.ru' : 'bundle exec rackup --host 0.0.0.0';
      found.note(view.path('config.ru'), 'Rack app');
    } else if (!start) {
      const entry = ['app.rb', 'main.rb', 'server.rb', 'index.rb'].find((f) => view.has(f)) ?? (rubyFiles.length === 1 ? rubyFiles[0] : undefined);
      if (entry) {
        start = gemfile !== null ? `bundle exec ruby ${entry}` : `ruby ${entry}`;
        found.note(view.path(entry), `entry file ${entry}`);
      }
    }
    port ??= portInFiles(view, found, ['config/puma.rb', 'app.rb', 'main.rb', 'server.rb', 'config.ru']);
    if (port === null && framework === 'sinatra') port = 4567;
    if (port === null && view.has('config.ru')) port = 9292;
    return {
      language: 'ruby',
      confidence: gemfile !== null ? 0.88 : 0.5,
      facts: { packageManager: gemfile !== null ? 'bundler' : 'none', version, framework, build, start, install: gemfile !== null ? 'bundle install' : null, port },
      evidence: found.evidence,
    };
  },
};
