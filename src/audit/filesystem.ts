import type { LayerFacts, PlacedFile } from './types.js';

function under(path: string, dir: string): boolean {
  return path === dir || path.startsWith(dir === '/' ? '/' : `${dir}/`);
}

/**
 * The final filesystem: layers applied bottom first, honouring whiteouts (`.wh.<name>` deletes
 * a path and everything under it; `.wh..wh..opq` hides a directory's lower contents).
 */
export function finalFilesystem(layers: LayerFacts[]): Map<string, PlacedFile> {
  const files = new Map<string, PlacedFile>();
  for (const layer of layers) {
    if (layer.deleted.length > 0 || layer.opaque.length > 0) {
      for (const path of [...files.keys()]) {
        if (layer.deleted.some((d) => under(path, d)) || layer.opaque.some((d) => path.startsWith(`${d}/`))) files.delete(path);
      }
    }
    for (const entry of layer.files) files.set(entry.path, { entry, layer: layer.index });
  }
  return files;
}

/** Normalises a tar member name to an absolute path without trailing slash. */
export function normalizePath(name: string): string {
  const trimmed = name.replace(/^\.?\/*/, '').replace(/\/+$/, '');
  return `/${trimmed}`;
}
