import { Findings, firstLineSource, miseSources, pinnedVersion, portInFiles, procfileWeb, toolVersionsSource, type Detector, type VersionSource } from './stack.js';
import { arr, obj, str, type AppView } from './view.js';

const FRAMEWORKS: Array<[string, string]> = [
  ['actix', 'actix-web'],
  ['axum', 'axum'],
  ['rocket', 'rocket'],
  ['warp', 'warp'],
  ['poem', 'poem'],
];
const FRAMEWORK_PORTS: Record<string, number> = { rocket: 8000 };

const TOOLCHAIN_TOML: VersionSource = {
  file: 'rust-toolchain.toml',
  extract(view, path) {
    const channel = str(obj(obj(view.session.parse(path, 'toml'))?.toolchain)?.channel);
    return channel ? { raw: channel, field: 'toolchain.channel' } : null;
  },
};
const RUST_VERSION: VersionSource = {
  file: 'Cargo.toml',
  extract(view, path) {
    const doc = obj(view.session.parse(path, 'toml'));
    const raw = str(obj(doc?.package)?.['rust-version']) ?? str(obj(obj(doc?.workspace)?.package)?.['rust-version']);
    return raw ? { raw, field: 'package.rust-version' } : null;
  },
};

/** The binaries a crate builds: `[[bin]]` names, else the package name when src/main.rs exists. */
export function rustBinaries(view: AppView): string[] {
  const doc = view.toml('Cargo.toml');
  const pkg = obj(doc?.package);
  const bins = arr(doc?.bin).map((bin) => str(obj(bin)?.name)).filter((name): name is string => Boolean(name));
  const name = str(pkg?.name);
  if (name && view.has('src/main.rs') && !bins.includes(name)) bins.unshift(name);
  for (const file of view.list('src/bin')) if (file.endsWith('.rs')) bins.push(file.replace(/\.rs$/, ''));
  const defaultRun = str(pkg?.['default-run']);
  // default-run names the binary `cargo run` starts, even when its source is not listed here.
  return defaultRun ? [defaultRun, ...bins.filter((b) => b !== defaultRun)] : bins;
}

export const rustDetector: Detector = {
  id: 'rust',
  detect(view) {
    if (!view.has('Cargo.toml')) return null;
    const found = new Findings();
    found.note(view.path('Cargo.toml'), 'Rust crate');
    const doc = view.toml('Cargo.toml');
    const version = pinnedVersion(view, found, [TOOLCHAIN_TOML, firstLineSource('rust-toolchain'), toolVersionsSource(['rust']), ...miseSources(['rust']), RUST_VERSION]);
    const deps = { ...obj(doc?.dependencies), ...obj(obj(obj(doc?.workspace)?.dependencies)) };
    const fw = FRAMEWORKS.find(([, crate]) => crate in deps);
    if (fw) found.note(view.path('Cargo.toml'), `dependency ${fw[1]}: ${fw[0]}`);
    const bins = rustBinaries(view);
    const bin = bins[0] ?? null;
    if (bins.length > 1) found.note(view.path('Cargo.toml'), `binaries ${bins.join(', ')}; runs ${bin}`);
    const locked = view.findUp('Cargo.lock') !== null;
    const build = bin ? `cargo build --release${locked ? ' --locked' : ''} --bin ${bin}` : doc?.workspace ? `cargo build --release${locked ? ' --locked' : ''}` : null;
    const start = procfileWeb(view, found) ?? (bin ? `./target/release/${bin}` : null);
    let port = portInFiles(view, found, ['src/main.rs', ...(bin ? [`src/bin/${bin}.rs`] : [])]);
    if (port === null && fw && FRAMEWORK_PORTS[fw[0]]) {
      port = FRAMEWORK_PORTS[fw[0]];
      found.note(view.path('Cargo.toml'), `${fw[0]} listens on ${port} by default`);
    }
    return {
      language: 'rust',
      confidence: 0.9,
      facts: { packageManager: 'cargo', version, framework: fw?.[0] ?? null, build, start, install: locked ? 'cargo fetch --locked' : 'cargo fetch', port },
      evidence: found.evidence,
    };
  },
};
