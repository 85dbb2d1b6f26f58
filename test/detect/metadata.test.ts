import { describe, expect, it } from 'vitest';
import { findSecretFiles, needsBuildSecrets, readAppMetadata, snapshotFromFiles } from '../../src/detect/index.js';
import { normaliseRepositoryUrl } from '../../src/detect/metadata.js';
import { json } from './helpers.js';

describe('readAppMetadata', () => {
  it('reads OCI label fields from package.json', () => {
    const snapshot = snapshotFromFiles({
      'package.json': json({ name: 'shop', description: 'A shop', version: '1.2.3', license: 'MIT', author: 'Jane Doe <jane@example.com> (https://jane.dev)', homepage: 'https://shop.dev', repository: { type: 'git', url: 'git+https://github.com/acme/shop.git' }, bugs: { url: 'https://github.com/acme/shop/issues' } }),
    });
    expect(readAppMetadata(snapshot)).toEqual({ title: 'shop', description: 'A shop', version: '1.2.3', licenses: 'MIT', author: 'Jane Doe <jane@example.com>', vendor: 'Jane Doe', homepage: 'https://shop.dev', source: 'https://github.com/acme/shop', bugsUrl: 'https://github.com/acme/shop/issues' });
  });

  it('reads pyproject.toml, Cargo.toml, pom.xml and csproj', () => {
    expect(readAppMetadata(snapshotFromFiles({ 'pyproject.toml': '[project]\nname = "svc"\nversion = "0.3.0"\nlicense = { text = "Apache-2.0" }\nauthors = [{ name = "Ops", email = "ops@x.io" }]\n[project.urls]\nSource = "https://git.example.com/svc"\n' }))).toMatchObject({ title: 'svc', version: '0.3.0', licenses: 'Apache-2.0', vendor: 'Ops', source: 'https://git.example.com/svc' });
    expect(readAppMetadata(snapshotFromFiles({ 'Cargo.toml': '[package]\nname = "api"\nversion = "2.0.0"\nlicense = "MIT OR Apache-2.0"\nrepository = "https://github.com/a/api"\n' }))).toMatchObject({ title: 'api', licenses: 'MIT OR Apache-2.0', source: 'https://github.com/a/api' });
    expect(readAppMetadata(snapshotFromFiles({ 'pom.xml': '<project><artifactId>demo</artifactId><version>1.0</version><description>Demo</description><organization><name>Acme</name></organization><licenses><license><name>Apache-2.0</name></license></licenses><scm><url>https://github.com/acme/demo</url></scm></project>' }))).toMatchObject({ title: 'demo', version: '1.0', description: 'Demo', vendor: 'Acme', licenses: 'Apache-2.0', source: 'https://github.com/acme/demo' });
    expect(readAppMetadata(snapshotFromFiles({ 'Api.csproj': '<Project><PropertyGroup><Version>4.1.0</Version><Company>Acme</Company><PackageLicenseExpression>MIT</PackageLicenseExpression></PropertyGroup></Project>' }))).toMatchObject({ title: 'Api', version: '4.1.0', vendor: 'Acme', licenses: 'MIT' });
  });

  it('fills a workspace app from the root manifest where the app is silent', () => {
    const snapshot = snapshotFromFiles({ 'package.json': json({ name: 'mono', license: 'MIT', repository: 'github:acme/mono' }), 'apps/api/package.json': json({ name: 'api', version: '0.1.0' }) });
    expect(readAppMetadata(snapshot, 'apps/api')).toEqual({ title: 'api', version: '0.1.0', licenses: 'MIT', source: 'https://github.com/acme/mono' });
  });

  it('normalises repository URLs to https', () => {
    expect(normaliseRepositoryUrl('git@github.com:acme/x.git')).toBe('https://github.com/acme/x');
    expect(normaliseRepositoryUrl('acme/x')).toBe('https://github.com/acme/x');
    expect(normaliseRepositoryUrl('file:../x')).toBeUndefined();
  });
});

describe('findSecretFiles', () => {
  it('lists secret-looking files, including ones .gitignore hides, but not examples', () => {
    const snapshot = snapshotFromFiles({ '.env.example': '', 'certs/server.pem': '', 'deploy/id_rsa': '', 'deploy/id_rsa.pub': '', 'gcp/credentials.json': '', 'src/index.js': '', 'keys/api.key': '' }, ['.env', '.env.local']);
    expect(findSecretFiles(snapshot)).toEqual(['.env', '.env.local', 'certs/server.pem', 'deploy/id_rsa', 'gcp/credentials.json', 'keys/api.key']);
  });
});

describe('needsBuildSecrets', () => {
  it('asks for an npmrc secret when .npmrc reads a token from the environment', () => {
    const snapshot = snapshotFromFiles({ '.npmrc': '@acme:registry=https://npm.acme.dev/\n//npm.acme.dev/:_authToken=${NPM_TOKEN}\n', 'package.json': '{}' });
    expect(needsBuildSecrets(snapshot)).toEqual([{ id: 'npmrc', reason: expect.stringContaining('${NPM_TOKEN}'), file: '.npmrc' }]);
  });

  it('finds the app .npmrc and yarnrc tokens, and nothing in a plain .npmrc', () => {
    expect(needsBuildSecrets(snapshotFromFiles({ 'apps/web/.yarnrc.yml': 'npmAuthToken: "${NPM_AUTH}"\n' }), 'apps/web')).toMatchObject([{ id: 'yarnrc', file: 'apps/web/.yarnrc.yml' }]);
    expect(needsBuildSecrets(snapshotFromFiles({ '.npmrc': 'engine-strict=true\n' }))).toEqual([]);
  });
});
