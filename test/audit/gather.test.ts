import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import tar from 'tar-stream';
import { describe, expect, it } from 'vitest';
import { layersOf, listLayer, readSavedImage } from '../../src/audit/gather.js';

type Item = { name: string; type?: 'file' | 'directory' | 'symlink'; mode?: number; uid?: number; body?: Buffer | string; linkname?: string };

async function tarOf(items: Item[]): Promise<Buffer> {
  const pack = tar.pack();
  for (const item of items) {
    const body = item.body === undefined ? undefined : Buffer.from(item.body);
    await new Promise<void>((resolve, reject) =>
      pack.entry({ name: item.name, type: item.type ?? 'file', mode: item.mode ?? 0o644, uid: item.uid ?? 0, gid: 0, linkname: item.linkname, size: body?.length ?? 0 }, body, (error) => (error ? reject(error) : resolve())),
    );
  }
  pack.finalize();
  const chunks: Buffer[] = [];
  for await (const chunk of pack) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

const layerItems: Item[] = [
  { name: 'usr/', type: 'directory', mode: 0o755 },
  { name: 'usr/bin/su', mode: 0o4755, body: 'elf' },
  { name: 'usr/bin/sh', type: 'symlink', linkname: 'dash', mode: 0o777 },
  { name: 'app/.npmrc', body: '//registry/:_authToken=abc\n' },
  { name: 'app/.wh.secret.txt', body: '' },
  { name: 'var/cache/.wh..wh..opq', body: '' },
];

describe('layer listing', () => {
  it('reads modes, links, whiteouts and small secret-candidate contents from a plain tar', async () => {
    const listing = await listLayer(Readable.from([await tarOf(layerItems)]));
    expect(listing.files.map((f) => [f.path, f.type, f.mode.toString(8)])).toEqual([
      ['/usr', 'dir', '755'],
      ['/usr/bin/su', 'file', '4755'],
      ['/usr/bin/sh', 'symlink', '777'],
      ['/app/.npmrc', 'file', '644'],
    ]);
    expect(listing.files[3].content).toContain('_authToken');
    expect(listing.files[1].content).toBeUndefined();
    expect(listing.deleted).toEqual(['/app/secret.txt']);
    expect(listing.opaque).toEqual(['/var/cache']);
  });

  it('reads a gzip-compressed layer the same way', async () => {
    const listing = await listLayer(Readable.from([gzipSync(await tarOf(layerItems))]));
    expect(listing.files).toHaveLength(4);
    expect(listing.deleted).toEqual(['/app/secret.txt']);
  });

  it('joins a docker-save archive: manifest order and history lines', async () => {
    const layer1 = await tarOf([{ name: 'app/.env', body: 'KEY=1' }]);
    const layer2 = await tarOf([{ name: 'app/.wh..env', body: '' }]);
    const config = { config: { User: '0' }, history: [{ created_by: 'COPY .env /app/' }, { created_by: 'ENV X=1', empty_layer: true }, { created_by: 'RUN rm /app/.env' }] };
    const archive = await tarOf([
      { name: 'bbb/layer.tar', body: layer2 },
      { name: 'aaa/layer.tar', body: layer1 },
      { name: 'cfg.json', body: JSON.stringify(config) },
      { name: 'manifest.json', body: JSON.stringify([{ Config: 'cfg.json', RepoTags: null, Layers: ['aaa/layer.tar', 'bbb/layer.tar'] }]) },
    ]);
    const layers = layersOf(await readSavedImage(Readable.from([archive])));
    expect(layers.map((l) => [l.index, l.createdBy, l.files.map((f) => f.path), l.deleted])).toEqual([
      [1, 'COPY .env /app/', ['/app/.env'], []],
      [2, 'RUN rm /app/.env', [], ['/app/.env']],
    ]);
  });
});
