import { describe, expect, it } from 'vitest';
import { detectFiles } from '../helpers.js';
import { healthLine, json, node } from './helpers.js';

const server = (body: string) => `const express = require('express');\nconst app = express();\n${body}\napp.listen(8080);\n`;

describe('health routes in Express, Koa, Fastify, Hono, hapi and plain Node servers', () => {
  it('finds app.get and says where, with the line', () => {
    const d = node({ 'server.js': server("app.get('/healthz', (_req, res) => res.send('ok'));") });
    expect(d.healthcheck).toBe('/healthz');
    expect(d.evidence).toContainEqual({ file: 'server.js', line: 3, fact: "health route app.get('/healthz')" });
  });

  it('prefers /healthz, /health, /livez, /ready, /ping in that order, and names the others', () => {
    const d = node({ 'server.js': server("app.get('/ping', h);\napp.get('/ready', h);\napp.get('/health', h);\napp.get('/livez', h);") });
    expect(d.healthcheck).toBe('/health');
    expect(healthLine(d)).toBe("server.js:5: health route app.get('/health'), chosen over /livez (server.js:6), /ready (server.js:4), /ping (server.js:3)");
    expect(node({ 'server.js': server("app.get('/ping', h);\napp.get('/ready', h);") }).healthcheck).toBe('/ready');
  });

  it('finds router.all, app.route().get() and a koa-router named route', () => {
    expect(node({ 'server.js': server("const router = express.Router();\nrouter.all('/health', h);\napp.use(router);") }).healthcheck).toBe('/health');
    expect(node({ 'server.js': server("app.route('/health')\n  .post(h)\n  .get(h);") }).healthcheck).toBe('/health');
    expect(node({ 'server.js': "const Router = require('@koa/router');\nconst router = new Router();\nrouter.get('health', '/health', h);\n" }, { koa: '2' }).healthcheck).toBe('/health');
  });

  it('adds the prefix a router is mounted at, in the same file or through require/import', () => {
    const same = node({ 'server.js': server("const ops = express.Router();\nops.get('/health', h);\napp.use('/ops', ops);") });
    expect(same.healthcheck).toBe('/ops/health');
    const required = node({
      'server.js': server("app.use('/api', auth, require('./routes/health'));"),
      'routes/health.js': "const router = require('express').Router();\nrouter.get('/health', (req, res) => res.json({ ok: true }));\nmodule.exports = router;\n",
    });
    expect(required.healthcheck).toBe('/api/health');
    expect(healthLine(required)).toBe("routes/health.js:2: health route router.get('/health') (mounted at /api in server.js:3)");
    const imported = node(
      {
        'src/app.ts': "import express from 'express';\nimport health from './routes/health.js';\nimport v1 from './v1';\nconst app = express();\napp.use('/v1', v1);\napp.use(health);\nexport default app;\n",
        'src/v1/index.ts': "import { Router } from 'express';\nimport status from '../status';\nconst router = Router();\nrouter.use('/status', status);\nexport default router;\n",
        'src/status.ts': "import { Router } from 'express';\nconst router = Router();\nrouter.get('/ready', h);\nexport default router;\n",
        'src/routes/health.ts': "import { Router } from 'express';\nconst router = Router();\nrouter.get('/ping', h);\nexport default router;\n",
      },
      { express: '^4' },
      'node dist/app.js',
    );
    expect(imported.healthcheck).toBe('/v1/status/ready');
    expect(healthLine(imported)).toContain('(mounted at /v1/status in src/v1/index.ts:4), chosen over /ping (src/routes/health.ts:3)');
  });

  it('finds koa-router prefixes and plain Koa path checks', () => {
    const prefixed = node({ 'server.js': "const Koa = require('koa');\nconst Router = require('@koa/router');\nconst app = new Koa();\nconst router = new Router({ prefix: '/api' });\nrouter.get('/health', h);\napp.use(router.routes());\n" }, { koa: '2', '@koa/router': '12' });
    expect(prefixed.healthcheck).toBe('/api/health');
    const plain = node({ 'server.js': "const app = new (require('koa'))();\napp.use(async (ctx, next) => {\n  if (ctx.path === '/healthz') { ctx.body = 'ok'; return; }\n  await next();\n});\n" }, { koa: '2' });
    expect(plain.healthcheck).toBe('/healthz');
    expect(healthLine(plain)).toBe("server.js:3: health route ctx.path === '/healthz'");
  });

  it('finds Fastify routes, route({ url }) and plugins registered with a prefix', () => {
    expect(node({ 'server.js': "const fastify = require('fastify')({ logger: true });\nfastify.get('/health', async () => ({ ok: true }));\n" }, { fastify: '5' }).healthcheck).toBe('/health');
    const route = node({ 'server.js': "const app = Fastify();\napp.route({\n  method: ['GET', 'HEAD'],\n  url: '/livez',\n  schema: { response: { 200: { type: 'object' } } },\n  handler: async () => ({ ok: true }),\n});\n" }, { fastify: '5' });
    expect(route.healthcheck).toBe('/livez');
    expect(healthLine(route)).toBe("server.js:4: health route app.route({ method: ['GET', 'HEAD'], url: '/livez' })");
    const plugin = node(
      {
        'server.js': "const app = require('fastify')();\napp.register(require('./routes/health'), { prefix: '/v1' });\n",
        'routes/health.js': "module.exports = async function (fastify) {\n  fastify.get('/health', async () => 'ok');\n};\n",
      },
      { fastify: '5' },
    );
    expect(plugin.healthcheck).toBe('/v1/health');
    const autoload = node(
      {
        'app.js': "const AutoLoad = require('@fastify/autoload');\nmodule.exports = async function (fastify, opts) {\n  fastify.register(AutoLoad, { dir: path.join(__dirname, 'routes'), options: { ...opts } });\n};\n",
        'routes/health/index.js': "module.exports = async function (fastify) {\n  fastify.get('/', async () => 'ok');\n};\n",
      },
      { fastify: '5', '@fastify/autoload': '6' },
      'fastify start -l info app.js',
    );
    expect(autoload.healthcheck).toBe('/health');
  });

  it('finds hapi routes, also in an array', () => {
    const d = node({ 'server.js': "const server = Hapi.server({ port: 3000 });\nserver.route([\n  { method: 'POST', path: '/health', handler: () => 'no' },\n  { method: 'GET', path: '/ping', handler: (request, h) => { return 'pong'; } },\n]);\n" }, { '@hapi/hapi': '21' });
    expect(d.healthcheck).toBe('/ping');
  });

  it('finds Hono routes, sub-apps under app.route() and basePath', () => {
    expect(node({ 'index.ts': "import { Hono } from 'hono';\nconst app = new Hono();\napp.get('/health', (c) => c.text('ok'));\nexport default app;\n" }, { hono: '4' }, 'bun index.ts').healthcheck).toBe('/health');
    const sub = node(
      {
        'index.ts': "import { Hono } from 'hono';\nimport ops from './ops';\nconst app = new Hono();\napp.route('/ops', ops);\nexport default app;\n",
        'ops.ts': "import { Hono } from 'hono';\nconst ops = new Hono();\nops.get('/healthz', (c) => c.text('ok'));\nexport default ops;\n",
      },
      { hono: '4' },
      'bun index.ts',
    );
    expect(sub.healthcheck).toBe('/ops/healthz');
    expect(node({ 'index.ts': "const app = new Hono().basePath('/api');\napp.get('/health', (c) => c.text('ok'));\n" }, { hono: '4' }, 'bun index.ts').healthcheck).toBe('/api/health');
  });

  it('finds a plain node:http server comparing req.url, and Deno.serve comparing the pathname', () => {
    expect(node({ 'server.js': "http.createServer((req, res) => {\n  if (req.method === 'GET' && req.url === '/health') return res.end('ok');\n  res.end();\n}).listen(3000);\n" }, {}).healthcheck).toBe('/health');
    expect(node({ 'server.js': "http.createServer((req, res) => {\n  switch (req.url) {\n    case '/': return home(res);\n    case '/healthz': return res.end('ok');\n  }\n});\n" }, {}).healthcheck).toBe('/healthz');
    const deno = detectFiles({ 'deno.json': json({ tasks: { start: 'deno run -A main.ts' } }), 'main.ts': "Deno.serve((req) => {\n  const { pathname } = new URL(req.url);\n  if (pathname === '/health') return new Response('ok');\n  return new Response('hi');\n});\n" });
    expect(deno).toMatchObject({ language: 'deno', healthcheck: '/health' });
  });

  it('does not find a commented-out route, a path parameter, a POST-only route or another path', () => {
    expect(node({ 'server.js': server("// app.get('/health', h);\n/*\napp.get('/healthz', h);\n*/") }).healthcheck).toBeNull();
    expect(node({ 'server.js': server("app.get('/health/:service', h);\napp.get('/healthz/*', h);") }).healthcheck).toBeNull();
    expect(node({ 'server.js': server("app.post('/health', h);\napp.route('/healthz').post(h);\napp.get('/status', h);") }).healthcheck).toBeNull();
    expect(node({ 'server.js': "app.route({ method: 'POST', url: '/health', handler });\n" }, { fastify: '5' }).healthcheck).toBeNull();
    expect(node({ 'server.js': "http.createServer((req, res) => {\n  if (req.method === 'POST' && req.url === '/health') return res.end('ok');\n});\n" }, {}).healthcheck).toBeNull();
    expect(node({ 'server.js': server("console.log('GET /health answers ok');\nconst url = `/health`;") }).healthcheck).toBeNull();
  });

  it('does not guess the path of a router mounted under a prefix it cannot follow', () => {
    const d = node({
      'server.js': server("app.use('/api', require('./api'));"),
      'routes/health.js': "const router = require('express').Router();\nrouter.get('/health', h);\nmodule.exports = router;\n",
    });
    expect(d.healthcheck).toBeNull();
    // ...but a package's middleware under a prefix (static files) leaves it certain.
    expect(node({ 'server.js': server("app.use('/static', express.static('public'));\napp.use('/assets', serveStatic);\napp.use(require('./routes/health'));"), 'routes/health.js': "const router = require('express').Router();\nrouter.get('/health', h);\nmodule.exports = router;\n" }).healthcheck).toBe('/health');
  });

  it('does not take an HTTP client call, a page location check or a test for a route', () => {
    expect(node({ 'server.js': server("const api = axios.create({ baseURL });\napi.get('/health');\naxios.get('/healthz');") }).healthcheck).toBeNull();
    expect(node({ 'src/page.js': "if (window.location.pathname === '/health') render();\nif (router.pathname === '/ping') go();\n" }).healthcheck).toBeNull();
    expect(node({ 'server.js': server(''), 'test/app.test.js': "request(app).get('/health');\napp.get('/health', h);\n", 'src/app.spec.ts': "app.get('/healthz', h);\n" }).healthcheck).toBeNull();
    expect(node({ 'server.js': server(''), 'node_modules/x/index.js': "app.get('/health', h);\n" }).healthcheck).toBeNull();
  });
});

describe('health routes in Nest', () => {
  const nest = (files: Record<string, string>) => node({ 'src/main.ts': "const app = await NestFactory.create(AppModule);\nawait app.listen(3000);\n", ...files }, { '@nestjs/core': '10', '@nestjs/common': '10' }, 'node dist/main.js');

  it("finds @Controller('health') + @Get(), and @Get('healthz') in a root controller", () => {
    const d = nest({ 'src/health/health.controller.ts': "import { Controller, Get } from '@nestjs/common';\n\n@Controller('health')\nexport class HealthController {\n  @Get()\n  check() {\n    return { ok: true };\n  }\n}\n" });
    expect(d.healthcheck).toBe('/health');
    expect(healthLine(d)).toBe("src/health/health.controller.ts:5: health route @Controller('health') @Get()");
    expect(nest({ 'src/app.controller.ts': "@Controller()\nexport class AppController {\n  @Get('healthz')\n  healthz() { return 'ok'; }\n  @Post('ping')\n  ping() {}\n}\n" }).healthcheck).toBe('/healthz');
  });

  it('adds the global prefix unless it excludes the route', () => {
    const controller = { 'src/health.controller.ts': "@Controller('health')\nexport class HealthController {\n  @Get()\n  check() {}\n}\n" };
    expect(nest({ ...controller, 'src/main.ts': "const app = await NestFactory.create(AppModule);\napp.setGlobalPrefix('api');\n" }).healthcheck).toBe('/api/health');
    expect(nest({ ...controller, 'src/main.ts': "const app = await NestFactory.create(AppModule);\napp.setGlobalPrefix('api', { exclude: ['health'] });\n" }).healthcheck).toBe('/health');
  });

  it('takes a @nestjs/terminus @HealthCheck() route whatever its path', () => {
    const d = nest({ 'src/status.controller.ts': "@Controller('status')\nexport class StatusController {\n  constructor(private health: HealthCheckService) {}\n\n  @Get()\n  @HealthCheck()\n  check() {\n    return this.health.check([]);\n  }\n\n  @Get('version')\n  version() {}\n}\n" });
    expect(d.healthcheck).toBe('/status');
  });

  it('does not find a parameterised or POST-only health route', () => {
    expect(nest({ 'src/health.controller.ts': "@Controller('health')\nexport class HealthController {\n  @Get(':name')\n  one() {}\n  @Post()\n  run() {}\n}\n" }).healthcheck).toBeNull();
  });
});
