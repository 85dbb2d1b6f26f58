import type { FileEntry, ImageFacts, LayerFacts } from '../../src/audit/types.js';

/** A file entry with sensible defaults: a root-owned 0644 file. */
export function file(path: string, extra: Partial<FileEntry> = {}): FileEntry {
  return { path, type: 'file', mode: 0o644, uid: 0, gid: 0, size: extra.content?.length ?? 10, ...extra };
}

export function layer(index: number, createdBy: string, files: FileEntry[], deleted: string[] = [], opaque: string[] = []): LayerFacts {
  return { index, createdBy, files, deleted, opaque };
}

const BASE = layer(1, 'COPY / / # buildkit', [file('/etc', { type: 'dir', mode: 0o755 }), file('/etc/passwd', { content: 'root:x:0:0::/root:/sbin/nologin\napp:x:10001:10001::/app:/sbin/nologin\n' })]);

/** A clean, hardened image; tests change one thing at a time. */
export function goodImage(overrides: Partial<ImageFacts> = {}): ImageFacts {
  return {
    ref: 'example:1',
    id: 'sha256:1234',
    size: 50e6,
    config: {
      User: '10001:10001',
      Env: ['PATH=/usr/bin:/bin', 'NODE_ENV=production'],
      Labels: {
        securitytxt: 'https://example.com/.well-known/security.txt',
        'org.opencontainers.image.title': 'example',
        'org.opencontainers.image.source': 'https://example.com/repo',
        'org.opencontainers.image.revision': 'abc',
        'org.opencontainers.image.created': '2025-01-01T00:00:00Z',
        'org.opencontainers.image.version': '1.0.0',
      },
      Healthcheck: { Test: ['CMD', '/nodejs/bin/node', 'health.js'] },
    },
    layers: [BASE, layer(2, 'COPY app /app # buildkit', [file('/app', { type: 'dir', mode: 0o755 }), file('/app/server.js')])],
    ...overrides,
  };
}
