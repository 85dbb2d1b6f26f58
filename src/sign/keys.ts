import { createPrivateKey, createPublicKey, generateKeyPairSync, randomBytes, scrypt as scryptCb, type KeyObject } from 'node:crypto';
import nacl from 'tweetnacl';

/** PEM labels of cosign's encrypted private keys: the current one first, then the older one it still reads. */
export const PRIVATE_KEY_LABELS = ['ENCRYPTED SIGSTORE PRIVATE KEY', 'ENCRYPTED COSIGN PRIVATE KEY'] as const;

/** The scrypt parameters cosign writes today (it also reads files made with N=32768). */
export const SCRYPT_PARAMS = { N: 65536, r: 8, p: 1 } as const;

/** A key file that cannot be read: wrong password, not a cosign key, not P-256. */
export class KeyFileError extends Error {
  constructor(
    message: string,
    readonly reason: 'password' | 'format' | 'algorithm',
  ) {
    super(message);
  }
}

interface EncryptedBody {
  kdf: { name: string; params: { N: number; r: number; p: number }; salt: string };
  cipher: { name: string; nonce: string };
  ciphertext: string;
}

function scrypt(password: string, salt: Buffer, params: { N: number; r: number; p: number }): Promise<Buffer> {
  // scrypt needs 128 * N * r bytes; Node's default ceiling (32 MiB) is below cosign's 64 MiB.
  const maxmem = 128 * params.N * params.r + 16 * 1024 * 1024;
  return new Promise((resolve, reject) =>
    scryptCb(Buffer.from(password, 'utf8'), salt, 32, { N: params.N, r: params.r, p: params.p, maxmem }, (error, key) => (error ? reject(error) : resolve(key))),
  );
}

function pem(label: string, der: Uint8Array): string {
  const b64 = Buffer.from(der).toString('base64');
  return `-----BEGIN ${label}-----\n${b64.match(/.{1,64}/g)?.join('\n') ?? ''}\n-----END ${label}-----\n`;
}

function unpem(text: string): { label: string; der: Buffer } | null {
  const match = /-----BEGIN ([A-Z0-9 ]+)-----\s*([\s\S]*?)\s*-----END \1-----/.exec(text);
  if (!match) return null;
  return { label: match[1], der: Buffer.from(match[2].replace(/\s+/g, ''), 'base64') };
}

export interface KeyPair {
  /** cosign.key: PEM "ENCRYPTED SIGSTORE PRIVATE KEY". */
  privateKeyPem: string;
  /** cosign.pub: SPKI PEM "PUBLIC KEY". */
  publicKeyPem: string;
}

/** Encrypts a PKCS#8 DER private key the way cosign does: scrypt key, NaCl secretbox, JSON in PEM. */
export async function encryptPrivateKey(pkcs8: Uint8Array, password: string, params: { N: number; r: number; p: number } = SCRYPT_PARAMS): Promise<string> {
  const salt = randomBytes(32);
  const nonce = randomBytes(nacl.secretbox.nonceLength);
  const key = await scrypt(password, salt, params);
  const ciphertext = nacl.secretbox(pkcs8, nonce, key);
  const body: EncryptedBody = {
    kdf: { name: 'scrypt', params: { N: params.N, r: params.r, p: params.p }, salt: salt.toString('base64') },
    cipher: { name: 'nacl/secretbox', nonce: Buffer.from(nonce).toString('base64') },
    ciphertext: Buffer.from(ciphertext).toString('base64'),
  };
  return pem(PRIVATE_KEY_LABELS[0], Buffer.from(JSON.stringify(body)));
}

/** A fresh ECDSA P-256 key pair, the private half encrypted with `password`. */
export async function generateKeyPair(password: string): Promise<KeyPair> {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  const pkcs8 = privateKey.export({ format: 'der', type: 'pkcs8' });
  return {
    privateKeyPem: await encryptPrivateKey(pkcs8, password),
    publicKeyPem: publicKey.export({ format: 'pem', type: 'spki' }).toString(),
  };
}

function assertP256(key: KeyObject, what: string): KeyObject {
  if (key.asymmetricKeyType !== 'ec' || key.asymmetricKeyDetails?.namedCurve !== 'prime256v1') {
    throw new KeyFileError(`${what} is not an ECDSA P-256 key (${key.asymmetricKeyType}${key.asymmetricKeyDetails?.namedCurve ? ` ${key.asymmetricKeyDetails.namedCurve}` : ''})`, 'algorithm');
  }
  return key;
}

/**
 * Decrypts a cosign private key file (either PEM label, any scrypt parameters cosign wrote,
 * PKCS#8 or SEC1 payload). Throws KeyFileError with reason `password` when the box does not open.
 */
export async function decryptPrivateKey(text: string, password: string): Promise<KeyObject> {
  const block = unpem(text);
  if (!block || !(PRIVATE_KEY_LABELS as readonly string[]).includes(block.label)) {
    throw new KeyFileError(`not a cosign private key (expected PEM "${PRIVATE_KEY_LABELS[0]}")`, 'format');
  }
  let body: EncryptedBody;
  try {
    body = JSON.parse(block.der.toString('utf8')) as EncryptedBody;
  } catch {
    throw new KeyFileError('the key file body is not cosign JSON', 'format');
  }
  if (body?.kdf?.name !== 'scrypt' || body?.cipher?.name !== 'nacl/secretbox' || !body.ciphertext) {
    throw new KeyFileError(`unsupported key encryption (${body?.kdf?.name ?? '?'} / ${body?.cipher?.name ?? '?'})`, 'format');
  }
  const { N, r, p } = body.kdf.params ?? {};
  if (![N, r, p].every((n) => Number.isInteger(n) && n > 0) || N > 1 << 20 || (N & (N - 1)) !== 0) {
    throw new KeyFileError(`unsupported scrypt parameters N=${N} r=${r} p=${p}`, 'format');
  }
  const key = await scrypt(password, Buffer.from(body.kdf.salt, 'base64'), { N, r, p });
  const nonce = Buffer.from(body.cipher.nonce, 'base64');
  if (nonce.length !== nacl.secretbox.nonceLength) throw new KeyFileError('the key file has a malformed nonce', 'format');
  const plain = nacl.secretbox.open(Buffer.from(body.ciphertext, 'base64'), nonce, key);
  if (!plain) throw new KeyFileError('wrong password for the private key', 'password');
  const der = Buffer.from(plain);
  for (const type of ['pkcs8', 'sec1'] as const) {
    try {
      return assertP256(createPrivateKey({ key: der, format: 'der', type }), 'the private key');
    } catch (error) {
      if (error instanceof KeyFileError) throw error;
    }
  }
  throw new KeyFileError('the decrypted key is neither PKCS#8 nor SEC1 DER', 'format');
}

/** Reads cosign.pub (SPKI "PUBLIC KEY" PEM) and checks it is P-256. */
export function loadPublicKey(text: string): KeyObject {
  const block = unpem(text);
  if (!block || block.label !== 'PUBLIC KEY') throw new KeyFileError('not a public key (expected PEM "PUBLIC KEY")', 'format');
  let key: KeyObject;
  try {
    key = createPublicKey({ key: block.der, format: 'der', type: 'spki' });
  } catch {
    throw new KeyFileError('the public key is malformed', 'format');
  }
  return assertP256(key, 'the public key');
}

/** The SPKI PEM of a private key's public half. */
export function publicKeyPemOf(privateKey: KeyObject): string {
  return createPublicKey(privateKey).export({ format: 'pem', type: 'spki' }).toString();
}
