// Why a smoke run failed, from the container's last log lines. Pure.

function dirOf(file: string): string {
  const at = file.lastIndexOf('/');
  return at > 0 ? file.slice(0, at) : file;
}

/** The likely cause and its fix, in one sentence, for a container that stopped or never answered. */
export function explainFailure(logs: string, exitCode: number | null, oomKilled = false): string {
  if (oomKilled) return 'the container ran out of memory: raise its memory limit or lower the app\'s heap';
  let m: RegExpExecArray | null;
  if ((m = /(?:EROFS|[Rr]ead-only file system)[^'"\n]*['"]([^'"\n]+)['"]/.exec(logs)) || (m = /([/][\w./-]+)[^\n]*[Rr]ead-only file system/.exec(logs))) {
    const file = m[1];
    return `the app writes to ${file} on the read-only root filesystem: add ${dirOf(file)} to the writable dirs (a tmpfs, owned by the app user) or write under /tmp`;
  }
  if (/[Rr]ead-only file system|EROFS/.test(logs)) return 'the app writes to the read-only root filesystem: add the directory it writes to to the writable dirs (a tmpfs)';
  if ((m = /(?:bind|listen)[^\n]*(?:EACCES|[Pp]ermission denied)[^\n]*?:(\d+)/.exec(logs)) || (m = /EACCES[^\n]*0\.0\.0\.0:(\d+)/.exec(logs))) {
    return `binding port ${m[1]} needs NET_BIND_SERVICE, which --cap-drop ALL removes: listen on a port of 1024 or above`;
  }
  if ((m = /(?:EACCES|[Pp]ermission denied)[^'"\n]*['"]([^'"\n]+)['"]/.exec(logs))) {
    return `the app user cannot access ${m[1]}: make it readable by the user (COPY --chown, or chmod in the build stage), or if it must be written, add ${dirOf(m[1])} to the writable dirs`;
  }
  if ((m = /exec: "?([^":\s]+)"?: (?:stat [^:]+: )?no such file or directory/.exec(logs)) || (m = /exec ([^:\s]+): no such file or directory/.exec(logs))) {
    return `the entrypoint needs ${m[1]}, which is not in the image (distroless has no shell): use an exec-form CMD/ENTRYPOINT with the runtime's absolute path`;
  }
  if (/exec format error/.test(logs)) return 'the entrypoint is for another CPU architecture, or a script without a #! line: build for this platform';
  if (/EPERM|[Oo]peration not permitted/.test(logs)) return 'the app needs a capability or privilege that --cap-drop ALL and no-new-privileges remove: avoid it, or add back only the one capability it needs';
  if (/Cannot find module|ModuleNotFoundError|No module named/.test(logs)) return 'a module is missing from the final image: copy the installed dependencies from the build stage';
  if (exitCode === 0) return 'the container exited right away with code 0: the start command must keep a server running in the foreground';
  return exitCode === null ? 'the app did not answer in time: check the port it listens on and its logs' : `the container exited with code ${exitCode}: see its log above`;
}
