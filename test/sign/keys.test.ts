import { createPublicKey, generateKeyPairSync, sign, verify } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decryptPrivateKey, encryptPrivateKey, generateKeyPair, KeyFileError, loadPublicKey, publicKeyPemOf } from '../../src/sign/keys.js';
import { corpusDir } from '../helpers/paths.js';
import { describeCorpus } from '../helpers/requirements.js';

const vector = (name: string) => readFileSync(path.join(corpusDir, 'cosign', name), 'utf8');

describeCorpus('cosign key-file vectors', () => {
  it.each(['cosign-rsa.key', 'cosign-ec-sec1.key', 'sigstore.key'])('decrypts %s with the right password into a usable P-256 key', async (name) => {
    const key = await decryptPrivateKey(vector(name), 'hello');
    expect(key.asymmetricKeyDetails?.namedCurve).toBe('prime256v1');
    const data = Buffer.from('payload');
    const signature = sign('sha256', data, key);
    expect(verify('sha256', data, createPublicKey(key), signature)).toBe(true);
  });

  it('rejects a wrong password', async () => {
    const error = await decryptPrivateKey(vector('sigstore.key'), 'hullo').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(KeyFileError);
    expect((error as KeyFileError).reason).toBe('password');
  });
});

describe('our key files', () => {
  it('round-trips: generated key decrypts and matches its public key', async () => {
    const pair = await generateKeyPair('correct horse');
    expect(pair.privateKeyPem).toMatch(/^-----BEGIN ENCRYPTED SIGSTORE PRIVATE KEY-----\n/);
    expect(pair.publicKeyPem).toMatch(/^-----BEGIN PUBLIC KEY-----\n/);
    const body = JSON.parse(Buffer.from(pair.privateKeyPem.split('\n').slice(1, -2).join(''), 'base64').toString()) as Record<string, any>;
    expect(body.kdf).toMatchObject({ name: 'scrypt', params: { N: 65536, r: 8, p: 1 } });
    expect(Buffer.from(body.kdf.salt, 'base64')).toHaveLength(32);
    expect(body.cipher.name).toBe('nacl/secretbox');
    expect(Buffer.from(body.cipher.nonce, 'base64')).toHaveLength(24);
    const key = await decryptPrivateKey(pair.privateKeyPem, 'correct horse');
    expect(publicKeyPemOf(key)).toBe(pair.publicKeyPem);
    expect(loadPublicKey(pair.publicKeyPem).asymmetricKeyDetails?.namedCurve).toBe('prime256v1');
    await expect(decryptPrivateKey(pair.privateKeyPem, 'wrong')).rejects.toThrow(/wrong password/);
  });

  it('accepts an empty password, as cosign does', async () => {
    const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
    // Small scrypt parameters keep this fast; the cosign parameters are covered above.
    const pem = await encryptPrivateKey(privateKey.export({ format: 'der', type: 'pkcs8' }), '', { N: 1024, r: 8, p: 1 });
    await expect(decryptPrivateKey(pem, '')).resolves.toBeDefined();
  });

  it('rejects files that are not cosign keys', async () => {
    await expect(decryptPrivateKey('-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n', 'x')).rejects.toThrow(KeyFileError);
    const notScrypt = await encryptPrivateKey(new Uint8Array(8), 'x', { N: 1024, r: 8, p: 1 });
    await expect(decryptPrivateKey(notScrypt, 'x')).rejects.toThrow(/neither PKCS#8 nor SEC1/);
    expect(() => loadPublicKey('hello')).toThrow(KeyFileError);
  });
});
