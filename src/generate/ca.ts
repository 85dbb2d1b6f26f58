// A private CA for the build (TLS-inspecting proxies, internal registries): the bundle reaches the
// steps that download as the optional BuildKit secret "ca" and is trusted by each installer the way
// it reads trust, only while that step runs. Nothing is written to a layer, and a build without the
// secret runs exactly as one without the wiring.

/** Secret id of the CA bundle: `docker build --secret id=ca,src=<bundle>`. */
export const CA_SECRET_ID = 'ca';
/** Where BuildKit mounts it (the default target of a secret). */
export const CA_SECRET_PATH = `/run/secrets/${CA_SECRET_ID}`;

/**
 * How each installer is told to trust the bundle: the variables it reads. Several of them
 * (pip, go, cargo, curl-based tools) replace their roots with the file rather than adding to them,
 * which is why the secret should be a full bundle: the system roots plus the private CA.
 */
const VARIABLES = {
  /** npm, pnpm, yarn, corepack and bun add NODE_EXTRA_CA_CERTS to their built-in roots. */
  node: ['NODE_EXTRA_CA_CERTS'],
  pip: ['PIP_CERT'],
  /** The lock-file tools are installed with pip, then read requests' or OpenSSL's variable. */
  poetry: ['PIP_CERT', 'REQUESTS_CA_BUNDLE'],
  pipenv: ['PIP_CERT', 'REQUESTS_CA_BUNDLE'],
  pdm: ['PIP_CERT', 'REQUESTS_CA_BUNDLE'],
  uv: ['PIP_CERT', 'SSL_CERT_FILE'],
  /** The module proxy over Go's TLS; private modules over git. */
  go: ['SSL_CERT_FILE', 'GIT_SSL_CAINFO'],
  cargo: ['CARGO_HTTP_CAINFO'],
  bundler: ['SSL_CERT_FILE'],
  composer: ['COMPOSER_CAFILE'],
  /** .NET on Linux reads OpenSSL's variable. */
  dotnet: ['SSL_CERT_FILE'],
  deno: ['DENO_CERT'],
  hex: ['HEX_CACERTS_PATH'],
  /** apk fetches through OpenSSL, which reads SSL_CERT_FILE. */
  apk: ['SSL_CERT_FILE'],
} as const;

export type Installer = keyof typeof VARIABLES | 'apt' | 'jvm';

/** Where apt's configuration and the JVM tools' truststore are written: a tmpfs, so they never reach a layer either. */
const SCRATCH = '/tmp/ca';

/** The shell commands that make an installer trust the bundle, run only when the secret is there. */
function trustCommands(installer: Installer): string[] {
  if (installer === 'apt') {
    // apt reads its CA from its configuration; APT_CONFIG adds a file to it (sources over https only).
    return [`echo 'Acquire::https::CaInfo "${CA_SECRET_PATH}";' > ${SCRATCH}/apt.conf`, `export APT_CONFIG=${SCRATCH}/apt.conf`];
  }
  if (installer === 'jvm') {
    // Java reads no PEM bundle and keytool imports one certificate per run (minutes for a full
    // bundle): a few lines of Java, run by the JDK's source launcher, write one PKCS12 truststore.
    const java = [
      'import java.io.*; import java.security.KeyStore; import java.security.cert.*;',
      'class Trust { public static void main(String[] a) throws Exception { KeyStore k = KeyStore.getInstance("PKCS12"); k.load(null, null); int n = 0;',
      'for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(new FileInputStream(a[0]))) k.setCertificateEntry("ca" + n++, c);',
      'k.store(new FileOutputStream(a[1]), "changeit".toCharArray()); } }',
    ];
    return [
      `printf '%s\\n' ${java.map((line) => `'${line}'`).join(' \\\n        ')} > ${SCRATCH}/Trust.java`,
      `java ${SCRATCH}/Trust.java ${CA_SECRET_PATH} ${SCRATCH}/trust.p12 || exit 1`,
      `export JAVA_TOOL_OPTIONS="-Djavax.net.ssl.trustStore=${SCRATCH}/trust.p12 -Djavax.net.ssl.trustStorePassword=changeit"`,
    ];
  }
  return [`export ${VARIABLES[installer].map((name) => `${name}=${CA_SECRET_PATH}`).join(' ')}`];
}

/** `if [ -f secret ]; then ...; fi; \` on one line, or one command a line when there are several. */
function trustLines(installer: Installer): string {
  const commands = trustCommands(installer);
  const test = `if [ -f ${CA_SECRET_PATH} ]; then`;
  if (commands.length === 1) return `    ${test} ${commands[0]}; fi; \\\n`;
  return [`    ${test} \\\n`, ...commands.map((command) => `      ${command}; \\\n`), `    fi; \\\n`].join('');
}

/**
 * Text the templates splice into an installer's RUN, right after its own mount flags and before
 * its command: the secret mount, then the conditional trust line. Empty without a CA.
 */
export type CaWiring = Record<Installer, string> & {
  /** The one comment that explains the wiring, above the first step that has it. */
  comment: string;
};

export const INSTALLERS: readonly Installer[] = [...(Object.keys(VARIABLES) as Installer[]), 'apt', 'jvm'];

export function caWiring(enabled: boolean): CaWiring {
  const wiring = { comment: '' } as CaWiring;
  for (const installer of INSTALLERS) {
    if (!enabled) {
      wiring[installer] = '';
      continue;
    }
    // apt downloads as the unprivileged _apt user: the bundle must be readable by it.
    const secret = ` --mount=type=secret,id=${CA_SECRET_ID}${installer === 'apt' ? ',mode=0444' : ''}`;
    const mounts = installer === 'jvm' || installer === 'apt' ? ` --mount=type=tmpfs,target=${SCRATCH}${secret}` : secret;
    wiring[installer] = `${mounts} \\\n${trustLines(installer)}   `;
  }
  if (enabled) {
    wiring.comment =
      `# Downloads trust your CA bundle when it is passed as the build secret "${CA_SECRET_ID}" (see Build above): it is mounted\n` +
      `# at ${CA_SECRET_PATH} for that step only and never stored in a layer; without it the steps run as usual.\n`;
  }
  return wiring;
}

/** The `docker build --secret` value for a CA bundle file. */
export function caSecretSpec(file: string): string {
  return `id=${CA_SECRET_ID},src=${file}`;
}
