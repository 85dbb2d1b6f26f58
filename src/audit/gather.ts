import { once } from 'node:events';
import type { Readable, Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import tar from 'tar-stream';
import { InputError } from '../cli/errors.js';
import type { Engine, ImageConfig } from '../docker/engine.js';
import { normalizePath } from './filesystem.js';
import { wantsContent } from './secrets.js';
import type { FileEntry, FileType, ImageFacts, LayerFacts } from './types.js';

type Listing = Omit<LayerFacts, 'index' | 'createdBy'>;

const TYPES: Record<string, FileType> = { file: 'file', 'contiguous-file': 'file', directory: 'dir', symlink: 'symlink', link: 'hardlink' };

async function collect(stream: Readable, limit: number): Promise<string | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    size += (chunk as Buffer).length;
    if (size <= limit) chunks.push(chunk as Buffer);
  }
  return size <= limit ? Buffer.concat(chunks).toString('utf8') : undefined;
}

/** Lists one layer tar (plain or gzip) as it streams: entries, whiteouts and small file contents. */
export async function listLayer(stream: AsyncIterable<Buffer>): Promise<Listing> {
  const listing: Listing = { files: [], deleted: [], opaque: [] };
  const extract = tar.extract();
  extract.on('entry', (header, entry, next) => {
    const path = normalizePath(header.name);
    const slash = path.lastIndexOf('/');
    const dir = path.slice(0, slash) || '/';
    const base = path.slice(slash + 1);
    const type = TYPES[header.type ?? 'file'] ?? 'other';
    const done = (content?: string) => {
      if (base === '.wh..wh..opq') listing.opaque.push(dir);
      else if (base.startsWith('.wh.')) listing.deleted.push(`${dir === '/' ? '' : dir}/${base.slice(4)}`);
      else {
        const file: FileEntry = { path, type, mode: header.mode ?? 0, uid: header.uid ?? 0, gid: header.gid ?? 0, size: header.size ?? 0 };
        if (header.linkname) file.linkname = header.linkname;
        if (content !== undefined) file.content = content;
        listing.files.push(file);
      }
      next();
    };
    if (type === 'file' && wantsContent(path, header.size ?? 0)) {
      collect(entry, 64 * 1024).then(done, next);
    } else {
      entry.on('end', () => done());
      entry.resume();
    }
  });
  let target: Writable | null = null;
  for await (const chunk of stream) {
    if (!target) {
      if (chunk[0] === 0x1f && chunk[1] === 0x8b) {
        const gunzip = createGunzip();
        gunzip.pipe(extract);
        target = gunzip;
      } else {
        target = extract;
      }
    }
    if (!target.write(chunk)) await once(target, 'drain');
  }
  if (!target) return listing;
  target.end();
  await finished(extract);
  return listing;
}

interface SavedImage {
  manifest: { Config: string; Layers: string[] }[] | null;
  json: Map<string, string>;
  layers: Map<string, Listing>;
}

/** Reads a `docker save` tar stream (legacy or OCI layout) without writing it to disk. */
export async function readSavedImage(input: Readable): Promise<SavedImage> {
  const saved: SavedImage = { manifest: null, json: new Map(), layers: new Map() };
  const extract = tar.extract();
  extract.on('entry', (header, entry, next) => {
    const name = header.name.replace(/^\.\//, '');
    const handle = async () => {
      if (header.type !== 'file') {
        entry.resume();
        await finished(entry);
        return;
      }
      // Peek at the first chunk: JSON (manifest, config, index) or a layer tar.
      const iterator = entry[Symbol.asyncIterator]();
      const first = await iterator.next();
      if (first.done) return;
      const head = first.value as Buffer;
      const rest = (async function* () {
        yield head;
        for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value as Buffer;
      })();
      if (head[0] === 0x7b || head[0] === 0x5b) {
        const chunks: Buffer[] = [];
        for await (const chunk of rest) chunks.push(chunk);
        const text = Buffer.concat(chunks).toString('utf8');
        if (name === 'manifest.json') saved.manifest = JSON.parse(text) as SavedImage['manifest'];
        else saved.json.set(name, text);
      } else if (name.endsWith('.tar') || name.startsWith('blobs/') || (head[0] === 0x1f && head[1] === 0x8b)) {
        saved.layers.set(name, await listLayer(rest));
      } else {
        for await (const chunk of rest) void chunk;
      }
    };
    handle().then(() => next(), (error: Error) => extract.destroy(error));
  });
  input.pipe(extract);
  await finished(extract);
  return saved;
}

interface ConfigJson {
  config?: ImageConfig;
  history?: { created_by?: string; empty_layer?: boolean }[];
}

/** Joins the saved image's layers (bottom first) with the history lines that made them. */
export function layersOf(saved: SavedImage): LayerFacts[] {
  const manifest = saved.manifest?.[0];
  if (!manifest) throw new Error('docker save returned no manifest.json');
  const config = JSON.parse(saved.json.get(manifest.Config) ?? '{}') as ConfigJson;
  const made = (config.history ?? []).filter((h) => !h.empty_layer).map((h) => h.created_by ?? '');
  const aligned = made.length === manifest.Layers.length;
  return manifest.Layers.map((name, i) => {
    const listing = saved.layers.get(name) ?? { files: [], deleted: [], opaque: [] };
    return { index: i + 1, createdBy: aligned ? made[i] : '', ...listing };
  });
}

/** Config, size and every layer's listing of a local image, streamed from the engine. */
export async function gatherImageFacts(engine: Engine, ref: string): Promise<ImageFacts> {
  const info = await engine.inspectImage(ref);
  if (!info) throw new InputError(`no image ${ref} in the Docker engine`, ref, `build it (harden-init build) or pull it (docker pull ${ref})`);
  const saved = await readSavedImage(await engine.exportImage(info.id));
  return { ref, id: info.id, size: info.size, config: info.config, layers: layersOf(saved) };
}
