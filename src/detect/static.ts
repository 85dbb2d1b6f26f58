import { Findings, type Detector } from './stack.js';

const ROOTS = ['', 'public', 'site', 'www', 'html', 'static'];

/** A site of plain files: index.html and no server code. Loses to every other stack. */
export const staticDetector: Detector = {
  id: 'static',
  detect(view) {
    const found = new Findings();
    const staticfile = view.read('Staticfile', 4096);
    let root: string | null = null;
    if (staticfile !== null) {
      const configured = /^root:\s*(\S+)/m.exec(staticfile)?.[1]?.replace(/^\.\/|\/$/g, '') ?? '';
      root = configured === '.' ? '' : configured;
      found.note(view.path('Staticfile'), `static site${root ? ` in ${root}/` : ''}`);
    } else {
      root = ROOTS.find((dir) => view.has(dir ? `${dir}/index.html` : 'index.html')) ?? null;
      if (root === null) return null;
      found.note(view.path(root ? `${root}/index.html` : 'index.html'), 'index.html with no server code');
    }
    return {
      language: 'static',
      confidence: staticfile !== null ? 0.7 : 0.35,
      facts: { packageManager: 'none', version: null, framework: null, build: null, start: null, install: null, port: null },
      evidence: found.evidence,
    };
  },
};
