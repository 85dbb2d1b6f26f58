import { Findings, type Detector } from './stack.js';
import type { AppView } from './view.js';

/** Stacks recognised by their files but not built by harden-init: reported as unknown, by name. */
const MARKERS: Array<{ name: string; files?: string[]; extensions?: string[]; confidence: number }> = [
  { name: 'Gleam', files: ['gleam.toml'], confidence: 0.85 },
  { name: 'Swift', files: ['Package.swift'], confidence: 0.85 },
  { name: 'Scala', files: ['build.sbt'], confidence: 0.85 },
  { name: 'Clojure', files: ['project.clj', 'deps.edn', 'bb.edn'], confidence: 0.85 },
  { name: 'Haskell', files: ['stack.yaml', 'cabal.project'], extensions: ['.cabal'], confidence: 0.85 },
  { name: 'Crystal', files: ['shard.yml'], confidence: 0.85 },
  { name: 'Dart', files: ['pubspec.yaml'], confidence: 0.85 },
  { name: 'Zig', files: ['build.zig', 'build.zig.zon'], confidence: 0.85 },
  { name: 'C/C++', files: ['CMakeLists.txt', 'meson.build', 'configure.ac'], confidence: 0.8 },
  { name: 'Nim', extensions: ['.nimble'], confidence: 0.85 },
  { name: 'COBOL', extensions: ['.cbl', '.cob'], confidence: 0.6 },
  { name: 'Scheme', extensions: ['.scm', '.ss'], confidence: 0.6 },
  { name: 'Haskell', extensions: ['.hs'], confidence: 0.6 },
  { name: 'Lua', extensions: ['.lua', '.rockspec'], confidence: 0.5 },
  { name: 'Perl', extensions: ['.pl', '.pm'], confidence: 0.5 },
  { name: 'shell scripts', extensions: ['.sh'], confidence: 0.3 },
];

function markerFile(view: AppView, marker: (typeof MARKERS)[number]): string | null {
  for (const file of marker.files ?? []) if (view.has(file)) return file;
  if (marker.extensions) {
    const files = [...view.list(), ...view.list('src'), ...view.list('app')];
    const hit = files.find((f) => marker.extensions!.some((ext) => f.endsWith(ext)));
    if (hit) return view.list().includes(hit) ? hit : view.list('src').includes(hit) ? `src/${hit}` : `app/${hit}`;
  }
  return null;
}

export const unsupportedDetector: Detector = {
  id: 'unsupported',
  detect(view) {
    for (const marker of MARKERS) {
      const file = markerFile(view, marker);
      if (!file) continue;
      const found = new Findings();
      found.note(view.path(file), `${marker.name} project: harden-init does not build ${marker.name} apps`);
      return {
        language: 'unknown',
        name: marker.name,
        confidence: marker.confidence,
        facts: { packageManager: 'none', version: null, framework: null, build: null, start: null, install: null, port: null },
        evidence: found.evidence,
      };
    }
    return null;
  },
};
