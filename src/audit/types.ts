import type { ImageConfig } from '../docker/engine.js';

export type AuditLevel = 'error' | 'warning' | 'info' | 'style';
export const AUDIT_LEVELS: readonly AuditLevel[] = ['error', 'warning', 'info', 'style'];

/** One audit finding, as `--format json` prints it. */
export interface AuditFinding {
  /** This project's rule id (HI8xx; the linter has HI0xx-HI7xx). */
  id: string;
  level: AuditLevel;
  message: string;
  /** One imperative sentence. */
  fix: string;
  /** Equivalent Dockle / CIS Docker Benchmark ids (CIS-DI-xxxx, DKL-xx-xxxx). */
  aliases: string[];
  /** The file in the image the finding is about, absolute. */
  path?: string;
  /** 1-based index of the layer that added it. */
  layer?: number;
}

export type FileType = 'file' | 'dir' | 'symlink' | 'hardlink' | 'other';

/** One entry of a layer tar. */
export interface FileEntry {
  /** Absolute path, no trailing slash. */
  path: string;
  type: FileType;
  /** Permission bits including setuid (0o4000), setgid (0o2000) and sticky (0o1000). */
  mode: number;
  uid: number;
  gid: number;
  size: number;
  linkname?: string;
  /** Text of small files the rules read (credentials, keys, os-release, .npmrc...). */
  content?: string;
}

export interface LayerFacts {
  /** 1-based, bottom first. */
  index: number;
  /** The history line that made the layer (e.g. `RUN /bin/sh -c npm ci`). */
  createdBy: string;
  files: FileEntry[];
  /** Paths this layer deletes from the layers below (`.wh.<name>` entries). */
  deleted: string[];
  /** Directories whose lower-layer contents this layer hides (`.wh..wh..opq`). */
  opaque: string[];
}

/** Everything the audit rules look at: config, history and every layer's listing. */
export interface ImageFacts {
  ref: string;
  id: string;
  /** Bytes, as the engine reports the image. */
  size: number;
  config: ImageConfig;
  layers: LayerFacts[];
}

/** A file of the final filesystem and the layer it comes from. */
export interface PlacedFile {
  entry: FileEntry;
  layer: number;
}

export interface AuditRule {
  id: string;
  /** Kebab-case name of the fix; also the rule's file name. */
  slug: string;
  level: AuditLevel;
  title: string;
  fix: string;
  aliases: string[];
  check(image: AuditView): AuditHit[];
}

/** What a rule returns; the rule's metadata fills in the rest. */
export interface AuditHit {
  message: string;
  /** More specific than the rule's fix sentence. */
  fix?: string;
  /** Instead of the rule's aliases. */
  aliases?: string[];
  path?: string;
  layer?: number;
  level?: AuditLevel;
}

/** ImageFacts plus the final filesystem, computed once for all rules. */
export interface AuditView extends ImageFacts {
  final: Map<string, PlacedFile>;
  /** The final stage is meant to be distroless: no shell, no package manager. */
  distrolessIntended: boolean;
  /** Why distrolessIntended is what it is, for messages. */
  distrolessReason: string;
  /** The day (`YYYY-MM-DD`) end-of-life facts are judged by. */
  today: string;
}

export interface AuditReport {
  image: string;
  id: string;
  size: number;
  layers: number;
  user: string;
  /** Who to tell about a vulnerability, from the image's labels (security.contact, securitytxt, else the OCI authors); null when none says. */
  contact: { label: string; value: string } | null;
  findings: AuditFinding[];
}
