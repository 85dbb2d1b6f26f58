import { Findings, miseSources, pinnedVersion, procfileWeb, toolVersionsSource, type Detector, type VersionSource } from './stack.js';
import { obj, str } from './view.js';

const COMPOSER_PHP: VersionSource = {
  file: 'composer.json',
  extract(view, path) {
    const doc = obj(view.session.parse(path, 'json'));
    const platform = str(obj(obj(obj(doc?.config)?.platform))?.php);
    if (platform) return { raw: platform, field: 'config.platform.php' };
    const raw = str(obj(doc?.require)?.php);
    return raw ? { raw, field: 'require.php' } : null;
  },
};

export const phpDetector: Detector = {
  id: 'php',
  detect(view) {
    const hasComposer = view.has('composer.json');
    const phpFiles = view.list().filter((f) => f.endsWith('.php'));
    const publicIndex = view.has('public/index.php');
    if (!hasComposer && phpFiles.length === 0 && !publicIndex) return null;
    const found = new Findings();
    found.note(view.path(hasComposer ? 'composer.json' : publicIndex ? 'public/index.php' : phpFiles[0]), hasComposer ? 'Composer project' : 'PHP source');
    const composer = view.json('composer.json');
    const require = { ...obj(composer?.require), ...obj(composer?.['require-dev']) };
    const version = pinnedVersion(view, found, [toolVersionsSource(['php']), ...miseSources(['php']), COMPOSER_PHP], undefined, { product: 'php', stack: 'php', dialect: 'composer' });
    const framework = 'laravel/framework' in require || view.has('artisan') ? 'laravel' : 'symfony/framework-bundle' in require ? 'symfony' : 'slim/slim' in require ? 'slim' : null;
    if (framework) found.note(view.path('laravel/framework' in require || 'symfony/framework-bundle' in require ? 'composer.json' : 'artisan'), `${framework} app`);
    const docroot = publicIndex || framework ? 'public' : '.';
    const pkg = view.json('package.json');
    const build = typeof obj(pkg?.scripts)?.build === 'string' ? 'npm run build' : null;
    if (build) found.note(view.path('package.json'), 'scripts.build: front-end assets');
    const start = procfileWeb(view, found) ?? (framework === 'laravel' ? 'php artisan serve --host=0.0.0.0 --port=8000' : `php -S 0.0.0.0:8000 -t ${docroot}`);
    return {
      language: 'php',
      confidence: hasComposer ? 0.88 : 0.6,
      facts: {
        packageManager: hasComposer ? 'composer' : 'none',
        version,
        framework,
        build,
        start,
        install: hasComposer ? 'composer install --no-dev --no-interaction --prefer-dist --optimize-autoloader' : null,
        port: 8000,
      },
      evidence: found.evidence,
    };
  },
};
