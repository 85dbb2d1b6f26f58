import type { Readable } from 'node:stream';
import { EnvironmentError, ExternalError } from '../cli/errors.js';

type Dockerode = import('dockerode');

/** Where the engine listens, from DOCKER_HOST (unix:// or tcp://) or the default socket. */
export interface EngineAddress {
  socketPath?: string;
  host?: string;
  port?: number;
  /** How messages name it: the socket path or the tcp URL. */
  display: string;
}

export function engineAddress(env: NodeJS.ProcessEnv): EngineAddress {
  const host = env.DOCKER_HOST?.trim();
  if (host?.startsWith('tcp://') || host?.startsWith('http://')) {
    const url = new URL(host.replace(/^tcp:/, 'http:'));
    return { host: url.hostname, port: Number(url.port || 2375), display: host };
  }
  const socketPath = host?.startsWith('unix://') ? host.slice('unix://'.length) : host || '/var/run/docker.sock';
  return { socketPath, display: socketPath };
}

export function noEngineError(address: EngineAddress): EnvironmentError {
  return new EnvironmentError(`no Docker engine at ${address.display}`, undefined, 'start Docker (or set DOCKER_HOST); your files are written');
}

export interface ImageInfo {
  id: string;
  repoTags: string[];
  repoDigests: string[];
  size: number;
  config: ImageConfig;
  /** Diff ids of its layers (RootFS.Layers), bottom first. */
  diffIds: string[];
}

/** The parts of an image config the audit and the smoke run read. */
export interface ImageConfig {
  User?: string;
  Env?: string[] | null;
  Labels?: Record<string, string> | null;
  Entrypoint?: string[] | null;
  Cmd?: string[] | null;
  ExposedPorts?: Record<string, unknown> | null;
  Healthcheck?: { Test?: string[]; Interval?: number; Timeout?: number; StartPeriod?: number; Retries?: number } | null;
  WorkingDir?: string;
}

export interface ContainerOptions {
  image: string;
  readOnly: boolean;
  tmpfs: string[];
  capDrop: string[];
  noNewPrivileges: boolean;
  /** Container port (e.g. 8080) published on 127.0.0.1 at a free host port. */
  port?: number;
  name?: string;
  /** Run the image's HEALTHCHECK every this many ms from the start, instead of its own interval. */
  healthIntervalMs?: number;
}

export interface ContainerState {
  running: boolean;
  exitCode: number;
  health: 'starting' | 'healthy' | 'unhealthy' | null;
  oomKilled: boolean;
  error: string;
}

/** A Docker engine, reached through dockerode. Every call maps "cannot connect" to exit 3. */
export class Engine {
  private constructor(
    private readonly docker: Dockerode,
    readonly address: EngineAddress,
  ) {}

  /** Connects and pings; throws the exit-3 "no Docker engine" error when nothing answers. */
  static async connect(env: NodeJS.ProcessEnv): Promise<Engine> {
    const { default: Docker } = await import('dockerode');
    const address = engineAddress(env);
    const docker = address.socketPath ? new Docker({ socketPath: address.socketPath, timeout: 0 }) : new Docker({ host: address.host, port: address.port });
    const engine = new Engine(docker, address);
    await engine.ping();
    return engine;
  }

  private wrap(error: unknown): Error {
    const status = (error as { statusCode?: number }).statusCode;
    if (status === undefined) {
      const code = (error as { code?: string }).code;
      if (code && /ECONNREFUSED|ENOENT|EACCES|ECONNRESET|EHOSTUNREACH|ETIMEDOUT/.test(code)) return noEngineError(this.address);
    }
    return error as Error;
  }

  async ping(): Promise<void> {
    try {
      await this.docker.ping();
    } catch {
      throw noEngineError(this.address);
    }
  }

  async version(): Promise<{ version: string; apiVersion: string }> {
    try {
      const v = await this.docker.version();
      return { version: v.Version, apiVersion: v.ApiVersion };
    } catch (error) {
      throw this.wrap(error);
    }
  }

  /** The image, or null when the engine does not have it. */
  async inspectImage(ref: string): Promise<ImageInfo | null> {
    try {
      const info = await this.docker.getImage(ref).inspect();
      return { id: info.Id, repoTags: info.RepoTags ?? [], repoDigests: info.RepoDigests ?? [], size: info.Size, config: (info.Config ?? {}) as ImageConfig, diffIds: info.RootFS?.Layers ?? [] };
    } catch (error) {
      if ((error as { statusCode?: number }).statusCode === 404) return null;
      throw this.wrap(error);
    }
  }

  async history(ref: string): Promise<{ createdBy: string; size: number; created: number }[]> {
    try {
      const entries = (await this.docker.getImage(ref).history()) as { CreatedBy: string; Size: number; Created: number }[];
      return entries.map((h) => ({ createdBy: h.CreatedBy, size: h.Size, created: h.Created }));
    } catch (error) {
      throw this.wrap(error);
    }
  }

  /** `docker pull`: resolves once every layer is in; a missing image or registry error rejects. */
  async pullImage(ref: string): Promise<void> {
    try {
      const stream = await this.docker.pull(ref);
      await new Promise<void>((resolve, reject) => this.docker.modem.followProgress(stream, (err: Error | null) => (err ? reject(err) : resolve())));
    } catch (error) {
      throw this.wrap(error);
    }
  }

  /** `docker save` of one image: a tar stream of its config, manifest and layer tars. */
  async exportImage(ref: string): Promise<Readable> {
    try {
      return (await this.docker.getImage(ref).get()) as unknown as Readable;
    } catch (error) {
      throw this.wrap(error);
    }
  }

  async removeImage(ref: string): Promise<void> {
    try {
      await this.docker.getImage(ref).remove({ force: true });
    } catch (error) {
      if ((error as { statusCode?: number }).statusCode !== 404) throw this.wrap(error);
    }
  }

  /** Creates and starts a container; returns its id and the host port the container port is published on. */
  async startContainer(options: ContainerOptions): Promise<{ id: string; hostPort: number | null }> {
    const portKey = options.port ? `${options.port}/tcp` : undefined;
    try {
      const container = await this.docker.createContainer({
        Image: options.image,
        name: options.name,
        ExposedPorts: portKey ? { [portKey]: {} } : undefined,
        Healthcheck: options.healthIntervalMs ? { Interval: options.healthIntervalMs * 1e6, StartPeriod: 0 } : undefined,
        HostConfig: {
          ReadonlyRootfs: options.readOnly,
          Tmpfs: Object.fromEntries(options.tmpfs.map((dir) => [dir, 'rw,nosuid,nodev,size=64m'])),
          CapDrop: options.capDrop,
          SecurityOpt: options.noNewPrivileges ? ['no-new-privileges'] : [],
          PortBindings: portKey ? { [portKey]: [{ HostIp: '127.0.0.1', HostPort: '' }] } : undefined,
        },
      });
      await container.start();
      const info = await container.inspect();
      const binding = portKey ? info.NetworkSettings.Ports?.[portKey]?.[0] : undefined;
      return { id: container.id, hostPort: binding ? Number(binding.HostPort) : null };
    } catch (error) {
      const wrapped = this.wrap(error);
      if (wrapped !== error) throw wrapped;
      throw new ExternalError(`cannot start a container from ${options.image}: ${firstLine(error)}`, 'docker engine', 'check the image runs with `docker run`', 1);
    }
  }

  async containerState(id: string): Promise<ContainerState> {
    try {
      const info = await this.docker.getContainer(id).inspect();
      const state = info.State as typeof info.State & { Health?: { Status: string } };
      const health = state.Health?.Status;
      return {
        running: state.Running,
        exitCode: state.ExitCode,
        health: health === 'starting' || health === 'healthy' || health === 'unhealthy' ? health : null,
        oomKilled: state.OOMKilled,
        error: state.Error ?? '',
      };
    } catch (error) {
      throw this.wrap(error);
    }
  }

  /** The processes of a running container as the engine's `top` sees them: uid and command. */
  async containerProcesses(id: string): Promise<{ uid: number; command: string }[]> {
    try {
      const top = (await this.docker.getContainer(id).top({ ps_args: '-o pid,uid,comm' })) as { Titles: string[]; Processes: string[][] };
      const uidAt = top.Titles.findIndex((t) => t.toUpperCase() === 'UID');
      const cmdAt = top.Titles.findIndex((t) => /^(COMMAND|CMD)$/i.test(t));
      return top.Processes.map((row) => ({ uid: Number(row[uidAt]), command: row[cmdAt] ?? '' }));
    } catch (error) {
      throw this.wrap(error);
    }
  }

  /** The last lines of a container's stdout and stderr. */
  async containerLogs(id: string, tail = 40): Promise<string> {
    try {
      const buffer = (await this.docker.getContainer(id).logs({ stdout: true, stderr: true, tail, follow: false })) as unknown as Buffer;
      return demuxLogs(buffer);
    } catch (error) {
      throw this.wrap(error);
    }
  }

  async removeContainer(id: string): Promise<void> {
    const container = this.docker.getContainer(id);
    try {
      await container.stop({ t: 2 });
    } catch {
      // Already stopped.
    }
    try {
      await container.remove({ force: true });
    } catch (error) {
      if ((error as { statusCode?: number }).statusCode !== 404) throw this.wrap(error);
    }
  }
}

/** Docker multiplexes stdout/stderr of a non-TTY container in 8-byte framed chunks. */
export function demuxLogs(buffer: Buffer): string {
  const parts: Buffer[] = [];
  let offset = 0;
  while (offset + 8 <= buffer.length && buffer[offset] <= 2 && buffer[offset + 1] === 0) {
    const size = buffer.readUInt32BE(offset + 4);
    parts.push(buffer.subarray(offset + 8, offset + 8 + size));
    offset += 8 + size;
  }
  if (offset === 0) return buffer.toString('utf8');
  return Buffer.concat(parts).toString('utf8');
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0].replace(/^\(HTTP code \d+\)\s*\S+\s*-\s*/, '');
}
