import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { reviewNotes } from '../../src/ui/state.js';
import { createInitActions } from '../../src/write/run.js';
import { appsDir, fixtureAnswers } from '../generate/helpers.js';

describe('the review the wizard shells get (createInitActions().prepare)', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'hi-prepare-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('lists each base with its reason once: no note repeats the final base', async () => {
    cpSync(path.join(appsDir, 'node-express'), dir, { recursive: true, filter: (src) => !src.includes(`${path.sep}expected`) });
    const prepared = await createInitActions(dir).prepare({ ...fixtureAnswers('node-express'), pin: false });
    const final = prepared.baseImages.find((base) => base.stage === 'final')!;
    expect(final.reason).not.toBe('');
    expect(reviewNotes(prepared).filter((note) => note.includes(final.reason))).toEqual([]);
    // --yes lists no bases: it keeps the note that names the final one
    expect(prepared.notes).toContain(`final base: ${final.reason}`);
    expect(prepared.plan.map((entry) => entry.path)).toContain('Dockerfile');
  });
});
