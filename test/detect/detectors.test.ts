import { describe, expect, it } from 'vitest';
import { denoDetector } from '../../src/detect/deno.js';
import { dotnetDetector } from '../../src/detect/dotnet.js';
import { elixirDetector } from '../../src/detect/elixir.js';
import { goDetector } from '../../src/detect/go.js';
import { javaDetector } from '../../src/detect/java.js';
import { kotlinDetector } from '../../src/detect/kotlin.js';
import { nodeDetector } from '../../src/detect/node.js';
import { phpDetector } from '../../src/detect/php.js';
import { pythonDetector } from '../../src/detect/python.js';
import { rubyDetector } from '../../src/detect/ruby.js';
import { rustDetector } from '../../src/detect/rust.js';
import { staticDetector } from '../../src/detect/static.js';
import { detectFiles, json, runDetector } from './helpers.js';

const express = {
  'package.json': json({ name: 'api', scripts: { start: 'node src/server.js', build: 'tsc' }, engines: { node: '>=20' }, dependencies: { express: '^4.19.0' } }),
  'package-lock.json': '{}',
  'src/server.js': "const app = require('express')();\napp.listen(process.env.PORT || 8080);\n",
};

describe('node detector', () => {
  it('catches an npm + express app: version, commands, port, evidence', () => {
    const d = detectFiles(express);
    expect(d).toMatchObject({ language: 'node', packageManager: 'npm', version: '24', framework: 'express', install: 'npm ci', build: 'npm run build', start: 'node src/server.js', port: 8080, workspace: false, apps: [] });
    expect(d.evidence).toContainEqual({ file: 'package.json', fact: 'engines.node >=20 -> 24 (newest supported LTS line the range allows)' });
    expect(d.evidence).toContainEqual({ file: 'package-lock.json', fact: 'lockfile of npm' });
    expect(d.evidence).toContainEqual({ file: 'src/server.js', fact: 'PORT defaults to 8080' });
  });

  it('reads the package manager from Corepack, then lockfiles, then engines', () => {
    expect(detectFiles({ 'package.json': json({ packageManager: 'pnpm@9.12.0+sha512.abc' }), 'package-lock.json': '{}' }).packageManager).toBe('pnpm');
    expect(detectFiles({ 'package.json': '{}', 'pnpm-lock.yaml': "lockfileVersion: '9.0'\n" })).toMatchObject({ packageManager: 'pnpm', install: 'pnpm install --frozen-lockfile' });
    expect(detectFiles({ 'package.json': '{}', 'yarn.lock': '# yarn lockfile v1\n' })).toMatchObject({ packageManager: 'yarn', install: 'yarn install --frozen-lockfile' });
    expect(detectFiles({ 'package.json': '{}', 'yarn.lock': '__metadata:\n  version: 6\n' })).toMatchObject({ packageManager: 'yarn', install: 'yarn install --immutable' });
    expect(detectFiles({ 'package.json': json({ scripts: { start: 'bun index.ts' } }), 'bun.lockb': '', 'index.ts': '' })).toMatchObject({ language: 'node', packageManager: 'bun', install: 'bun install --frozen-lockfile', start: 'bun index.ts' });
    expect(detectFiles({ 'package.json': json({ engines: { pnpm: '>=8' } }) }).packageManager).toBe('pnpm');
    expect(detectFiles({ 'package.json': '{}' })).toMatchObject({ packageManager: 'npm', install: 'npm install' });
  });

  it('takes the version from .nvmrc before engines and maps LTS names', () => {
    expect(detectFiles({ 'package.json': json({ engines: { node: '>=18' } }), '.nvmrc': 'v22.11.0\n' }).version).toBe('22.11.0');
    expect(detectFiles({ 'package.json': '{}', '.nvmrc': 'lts/iron\n' }).version).toBe('20');
    expect(detectFiles({ 'package.json': '{}', '.node-version': '22\n' }).version).toBe('22');
    expect(detectFiles({ 'package.json': '{}', '.tool-versions': 'ruby 3.3.0\nnodejs 20.11.1\n' }).version).toBe('20.11.1');
    expect(detectFiles({ 'package.json': '{}', 'mise.toml': '[tools]\nnode = "24"\n' }).version).toBe('24');
    const invalid = detectFiles({ 'package.json': json({ engines: { node: '18.x' } }), '.nvmrc': 'some_invalid_version\n' });
    expect(invalid.version).toBe('18');
    expect(invalid.evidence.some((e) => e.file === '.nvmrc' && /not a version; ignored/.test(e.fact))).toBe(true);
  });

  it.each([
    ['next', { next: '14' }, 'next', 3000],
    ['nuxt', { nuxt: '3' }, 'nuxt', 3000],
    ['@remix-run/node', { '@remix-run/node': '2' }, 'remix', 3000],
    ['astro', { astro: '4' }, 'astro', 4321],
    ['@sveltejs/kit', { '@sveltejs/kit': '2', vite: '5' }, 'sveltekit', 3000],
    ['@nestjs/core', { '@nestjs/core': '10', express: '4' }, 'nest', 3000],
    ['fastify', { fastify: '4' }, 'fastify', null],
    ['vite', { vite: '5' }, 'vite', null],
  ])('names the framework from %s', (_dep, deps, framework, port) => {
    const d = detectFiles({ 'package.json': json({ dependencies: deps, scripts: { build: 'x' } }) });
    expect(d.framework).toBe(framework);
    expect(d.port).toBe(port);
  });

  it('uses framework start conventions and entry files when there is no start script', () => {
    expect(detectFiles({ 'package.json': json({ dependencies: { nuxt: '3' } }) }).start).toBe('node .output/server/index.mjs');
    expect(detectFiles({ 'package.json': json({ main: 'app.js' }), 'app.js': '' }).start).toBe('node app.js');
    expect(detectFiles({ 'package.json': json({ main: 'inbex.js' }), 'index.js': '' }).start).toBe('node index.js');
    expect(detectFiles({ 'package.json': json({ scripts: { start: 'next start' } }) }).start).toBe('npm start');
    expect(detectFiles({ 'package.json': json({ scripts: { start: 'next start -p 4000' } }), 'pnpm-lock.yaml': '' })).toMatchObject({ start: 'pnpm run start', port: 4000 });
  });

  it('runs start:prod when start compiles through a dev CLI (nest start), and keeps a plain start script', () => {
    const nest = detectFiles({ 'package.json': json({ dependencies: { '@nestjs/core': '12' }, scripts: { build: 'nest build', start: 'nest start', 'start:prod': 'node dist/main' } }), 'pnpm-lock.yaml': '' });
    expect(nest).toMatchObject({ framework: 'nest', start: 'node dist/main' });
    expect(nest.evidence).toContainEqual({ file: 'package.json', fact: 'scripts.start runs nest start (dev tooling): using scripts.start:prod' });
    const viaScript = detectFiles({ 'package.json': json({ scripts: { start: 'ts-node src/main.ts', 'start:prod': 'NODE_OPTIONS=--enable-source-maps node dist/main' } }), 'yarn.lock': '' });
    expect(viaScript.start).toBe('yarn start:prod');
    expect(detectFiles({ 'package.json': json({ scripts: { start: 'node server.js', 'start:prod': 'pm2 start server.js' } }) }).start).toBe('node server.js');
  });

  it('does not catch a repo without package.json or a lockfile', () => {
    expect(runDetector(nodeDetector, { 'main.py': '', 'requirements.txt': 'flask\n' })).toBeNull();
  });
});

describe('python detector', () => {
  it('catches a FastAPI app with uv', () => {
    const d = detectFiles({
      'pyproject.toml': '[project]\nname = "svc"\nrequires-python = ">=3.12"\ndependencies = ["fastapi>=0.110", "uvicorn"]\n',
      'uv.lock': 'version = 1\n',
      'app/main.py': 'from fastapi import FastAPI\napp = FastAPI()\n',
    });
    expect(d).toMatchObject({ language: 'python', packageManager: 'uv', version: '3.13', framework: 'fastapi', install: 'uv sync --locked --no-dev', start: 'uvicorn app.main:app --host 0.0.0.0 --port 8000', port: 8000 });
    expect(d.evidence).toContainEqual({ file: 'pyproject.toml', fact: 'requires-python >=3.12 -> 3.13 (newest supported line the range allows)' });
  });

  it('catches Django with gunicorn and pip', () => {
    const d = detectFiles({ 'requirements.txt': 'Django==5.0\ngunicorn\n', 'manage.py': '', 'mysite/wsgi.py': '', 'runtime.txt': 'python-3.11.9\n' });
    expect(d).toMatchObject({ language: 'python', packageManager: 'pip', version: '3.11.9', framework: 'django', start: 'gunicorn mysite.wsgi:application --bind 0.0.0.0:8000', port: 8000, install: 'pip install --no-cache-dir -r requirements.txt' });
  });

  it('catches Flask with a port in app.run, poetry, pipenv and pdm', () => {
    const flask = detectFiles({ 'requirements.txt': 'flask\n', 'app.py': 'from flask import Flask\napp = Flask(__name__)\napp.run(host="0.0.0.0", port=5001)\n' });
    expect(flask).toMatchObject({ framework: 'flask', start: 'python app.py', port: 5001 });
    expect(detectFiles({ 'pyproject.toml': '[tool.poetry]\nname = "x"\n[tool.poetry.dependencies]\npython = "^3.11"\n', 'poetry.lock': '' })).toMatchObject({ packageManager: 'poetry', version: '3.13' });
    expect(detectFiles({ Pipfile: '[packages]\nflask = "*"\n[requires]\npython_version = "3.10"\n', 'Pipfile.lock': '{}' })).toMatchObject({ packageManager: 'pipenv', version: '3.10', install: 'pipenv install --deploy' });
    expect(detectFiles({ 'pyproject.toml': '[project]\nname = "x"\n', 'pdm.lock': '' }).packageManager).toBe('pdm');
  });

  it('does not catch a Node repo', () => {
    expect(runDetector(pythonDetector, express)).toBeNull();
  });
});

describe('go detector', () => {
  it('catches a module with a main package under cmd/ and a port in ListenAndServe', () => {
    const d = detectFiles({ 'go.mod': 'module example.com/svc\n\ngo 1.22\n\ntoolchain go1.22.3\n', 'cmd/svc/main.go': 'package main\nfunc main() { http.ListenAndServe(":9000", nil) }\n' });
    expect(d).toMatchObject({ language: 'go', packageManager: 'go', version: '1.22.3', install: 'go mod download', start: './app', port: 9000 });
    expect(d.build).toContain('./cmd/svc');
    expect(d.evidence).toContainEqual({ file: 'go.mod', fact: 'toolchain go 1.22.3' });
  });

  it('names gin and its default port', () => {
    // The go line is a minimum: the newest supported Go with a build image builds it.
    expect(detectFiles({ 'go.mod': 'module x\ngo 1.21\nrequire github.com/gin-gonic/gin v1.9.1\n', 'main.go': 'package main\nfunc main() { r.Run() }\n' })).toMatchObject({ framework: 'gin', port: 8080, version: '1.27' });
  });

  it('does not catch a Rust crate', () => {
    expect(runDetector(goDetector, { 'Cargo.toml': '[package]\nname = "x"\n' })).toBeNull();
  });
});

describe('java and kotlin detectors', () => {
  const pom = `<?xml version="1.0"?>
<project>
  <parent><groupId>org.springframework.boot</groupId><artifactId>spring-boot-starter-parent</artifactId><version>3.2.0</version></parent>
  <artifactId>demo</artifactId><version>0.0.1</version>
  <properties><java.version>21</java.version></properties>
</project>`;
  it('catches Spring Boot on Maven with java.version and the wrapper', () => {
    const d = detectFiles({ 'pom.xml': pom, mvnw: '', 'src/main/resources/application.properties': 'server.port=9090\n' });
    expect(d).toMatchObject({ language: 'java', packageManager: 'maven', version: '21', framework: 'spring-boot', build: './mvnw -B -DskipTests package', start: 'java -jar target/demo-0.0.1.jar', port: 9090 });
    expect(d.evidence).toContainEqual({ file: 'pom.xml', fact: 'java.version 21' });
  });

  it('reads maven.compiler.release and Gradle toolchains', () => {
    expect(detectFiles({ 'pom.xml': '<project><properties><maven.compiler.release>17</maven.compiler.release></properties></project>' }).version).toBe('17');
    const gradle = detectFiles({ 'build.gradle': "plugins { id 'io.quarkus' }\njava { toolchain { languageVersion = JavaLanguageVersion.of(21) } }\n", gradlew: '', 'settings.gradle': "rootProject.name = 'svc'\n" });
    expect(gradle).toMatchObject({ language: 'java', packageManager: 'gradle', version: '21', framework: 'quarkus', build: './gradlew build -x test --no-daemon', port: 8080 });
  });

  it('tells Kotlin from Java: the Kotlin plugin plus Kotlin sources', () => {
    const files = { 'build.gradle.kts': 'plugins { kotlin("jvm") version "2.0.0"\n id("io.ktor.plugin") }\nkotlin { jvmToolchain(17) }\n', 'src/main/kotlin/App.kt': 'fun main() {}' };
    expect(detectFiles(files)).toMatchObject({ language: 'kotlin', packageManager: 'gradle', version: '17', framework: 'ktor' });
    expect(runDetector(kotlinDetector, { 'build.gradle.kts': 'plugins { java }\n', 'src/main/java/App.java': '' })).toBeNull();
    expect(detectFiles({ 'build.gradle.kts': 'plugins { java }\n', 'src/main/java/App.java': '' }).language).toBe('java');
  });

  it('does not catch a Node repo', () => {
    expect(runDetector(javaDetector, express)).toBeNull();
  });
});

describe('rust detector', () => {
  it('catches an axum crate with its toolchain and port', () => {
    const d = detectFiles({
      'Cargo.toml': '[package]\nname = "svc"\nversion = "0.1.0"\nrust-version = "1.75"\n[dependencies]\naxum = "0.7"\n',
      'Cargo.lock': '',
      'rust-toolchain.toml': '[toolchain]\nchannel = "1.79.0"\n',
      'src/main.rs': 'let addr = SocketAddr::from(([0, 0, 0, 0], 3000));\n',
    });
    expect(d).toMatchObject({ language: 'rust', packageManager: 'cargo', version: '1.79.0', framework: 'axum', build: 'cargo build --release --locked --bin svc', start: './target/release/svc', port: 3000 });
  });

  it('falls back to rust-version and honours default-run', () => {
    const d = detectFiles({ 'Cargo.toml': '[package]\nname = "multi"\nrust-version = "1.70"\ndefault-run = "bin1"\n[[bin]]\nname = "bin1"\n[[bin]]\nname = "bin2"\n', 'src/main.rs': '' });
    expect(d).toMatchObject({ version: '1.70', start: './target/release/bin1' });
  });

  it('does not catch a Go module', () => {
    expect(runDetector(rustDetector, { 'go.mod': 'module x\n' })).toBeNull();
  });
});

describe('ruby detector', () => {
  it('catches Rails with puma and .ruby-version', () => {
    const d = detectFiles({ Gemfile: "source 'https://rubygems.org'\nruby '3.3.0'\ngem 'rails', '~> 7.1'\ngem 'puma'\n", 'Gemfile.lock': '', '.ruby-version': 'ruby-3.3.1\n', 'config/puma.rb': '', 'app/assets/config/manifest.js': '' });
    expect(d).toMatchObject({ language: 'ruby', packageManager: 'bundler', version: '3.3.1', framework: 'rails', install: 'bundle install', build: 'bundle exec rails assets:precompile', start: 'bundle exec puma -C config/puma.rb', port: 3000 });
  });

  it('catches Sinatra and reads the Gemfile ruby line', () => {
    expect(detectFiles({ Gemfile: "ruby '~> 3.2'\ngem 'sinatra'\n", 'app.rb': "require 'sinatra'\n" })).toMatchObject({ framework: 'sinatra', version: '3.4', start: 'bundle exec ruby app.rb', port: 4567 });
  });

  it('prefers Ruby over a helper package.json', () => {
    const d = detectFiles({ Gemfile: "gem 'sinatra'\n", 'Gemfile.lock': '', 'package.json': json({ dependencies: { lodash: '4' } }), 'package-lock.json': '{}', Procfile: 'web: bundle exec ruby app.rb\n', 'app.rb': '' });
    expect(d.language).toBe('ruby');
  });

  it('does not catch a PHP repo', () => {
    expect(runDetector(rubyDetector, { 'composer.json': '{}' })).toBeNull();
  });
});

describe('php detector', () => {
  it('catches Laravel with require.php', () => {
    const d = detectFiles({ 'composer.json': json({ require: { php: '^8.2', 'laravel/framework': '^11.0' } }), 'composer.lock': '{}', artisan: '', 'public/index.php': '' });
    expect(d).toMatchObject({ language: 'php', packageManager: 'composer', version: '8.4', framework: 'laravel', start: 'php artisan serve --host=0.0.0.0 --port=8000', port: 8000 });
    expect(d.evidence).toContainEqual({ file: 'composer.json', fact: 'require.php ^8.2 -> 8.4 (newest supported line the range allows)' });
  });

  it('catches Symfony and plain PHP', () => {
    expect(detectFiles({ 'composer.json': json({ require: { 'symfony/framework-bundle': '7' } }) }).framework).toBe('symfony');
    expect(detectFiles({ 'index.php': '<?php echo "hi";' })).toMatchObject({ language: 'php', packageManager: 'none', start: 'php -S 0.0.0.0:8000 -t .' });
  });

  it('does not catch a Python repo', () => {
    expect(runDetector(phpDetector, { 'main.py': '' })).toBeNull();
  });
});

describe('dotnet detector', () => {
  it('catches an ASP.NET Core project with TargetFramework', () => {
    const d = detectFiles({ 'Api.csproj': '<Project Sdk="Microsoft.NET.Sdk.Web"><PropertyGroup><TargetFramework>net8.0</TargetFramework></PropertyGroup></Project>', 'Program.cs': '' });
    expect(d).toMatchObject({ language: 'dotnet', packageManager: 'dotnet', version: '8.0', framework: 'aspnetcore', install: 'dotnet restore', start: 'dotnet out/Api.dll', port: 8080 });
  });

  it('falls back to global.json and picks the web project over tests', () => {
    const d = detectFiles({
      'global.json': json({ sdk: { version: '9.0.100' } }),
      'src/Web/Web.fsproj': '<Project Sdk="Microsoft.NET.Sdk.Web"><PropertyGroup><AssemblyName>shop</AssemblyName></PropertyGroup></Project>',
      'tests/Web.Tests/Web.Tests.fsproj': '<Project Sdk="Microsoft.NET.Sdk"><ItemGroup><PackageReference Include="Microsoft.NET.Test.Sdk" /></ItemGroup></Project>',
    });
    expect(d).toMatchObject({ language: 'dotnet', version: '9.0', start: 'dotnet out/shop.dll', install: 'dotnet restore src/Web/Web.fsproj' });
  });

  it('does not catch a Java repo', () => {
    expect(runDetector(dotnetDetector, { 'pom.xml': '<project/>' })).toBeNull();
  });
});

describe('deno detector', () => {
  it('catches deno.json with a start task and Deno.serve port', () => {
    const d = detectFiles({ 'deno.json': '{ "tasks": { "start": "deno run -A main.ts" } }', 'main.ts': 'Deno.serve({ port: 8787 }, handler);' });
    expect(d).toMatchObject({ language: 'deno', packageManager: 'deno', start: 'deno task start', port: 8787 });
  });

  it('wins over a package.json next to deno.jsonc', () => {
    expect(detectFiles({ 'deno.jsonc': '// config\n{ "imports": {} }', 'package.json': json({ scripts: { start: 'node x.js' } }), 'main.ts': '' }).language).toBe('deno');
  });

  it('does not catch a Node repo', () => {
    expect(runDetector(denoDetector, express)).toBeNull();
  });
});

describe('elixir detector', () => {
  it('catches Phoenix with its release start command', () => {
    const d = detectFiles({ 'mix.exs': 'def project do\n [app: :shop, version: "0.1.0", elixir: "~> 1.15", deps: deps()]\nend\ndefp deps, do: [{:phoenix, "~> 1.7"}]\n' });
    expect(d).toMatchObject({ language: 'elixir', packageManager: 'mix', version: '1.18', framework: 'phoenix', start: '_build/prod/rel/shop/bin/shop start', port: 4000 });
  });

  it('does not catch a Ruby repo', () => {
    expect(runDetector(elixirDetector, { Gemfile: '' })).toBeNull();
  });
});

describe('static detector', () => {
  it('catches index.html alone and a Staticfile root', () => {
    expect(detectFiles({ 'index.html': '<h1>hi</h1>' })).toMatchObject({ language: 'static', packageManager: 'none', start: null });
    expect(detectFiles({ Staticfile: 'root: site\n', 'site/index.html': '' }).evidence[0]).toEqual({ file: 'Staticfile', fact: 'static site in site/' });
  });

  it('loses to a server stack that also ships index.html', () => {
    expect(detectFiles({ ...express, 'public/index.html': '' }).language).toBe('node');
    expect(runDetector(staticDetector, { 'main.go': '' })).toBeNull();
  });
});

describe('unknown stacks', () => {
  it.each([
    ['gleam.toml', 'Gleam'],
    ['Package.swift', 'Swift'],
    ['project.clj', 'Clojure'],
    ['CMakeLists.txt', 'C/C++'],
  ])('%s is reported as unknown, by name, never as a wrong guess', (file, name) => {
    const d = detectFiles({ [file]: '', 'start.sh': '' });
    expect(d.language).toBe('unknown');
    expect(d.evidence[0].fact).toContain(name);
    expect(d.warnings.join('\n')).toContain(`${name} is not a stack harden-init builds`);
  });

  it('an empty repo is unknown with a warning', () => {
    const d = detectFiles({ 'README.md': '# hi' });
    expect(d).toMatchObject({ language: 'unknown', packageManager: 'none', version: null, start: null });
    expect(d.warnings[0]).toMatch(/no known stack found/);
  });

  it('reports a close runner-up as a warning', () => {
    const d = detectFiles({ 'composer.json': json({ require: { php: '^8.2' } }), 'package.json': json({ scripts: { start: 'node server.js' } }), 'server.js': '' });
    expect(d.language).toBe('node');
    expect(d.warnings).toContainEqual(expect.stringMatching(/^also looks like php \(composer\.json\); chose node \(package\.json\)/));
  });

  it('does not call a front-end asset build next to a PHP app ambiguous', () => {
    const d = detectFiles({ 'composer.json': json({ require: { 'laravel/framework': '11' } }), artisan: '', 'package.json': json({ devDependencies: { vite: '5' }, scripts: { build: 'vite build' } }), 'package-lock.json': '{}' });
    expect(d).toMatchObject({ language: 'php', build: 'npm run build', warnings: [] });
  });
});
