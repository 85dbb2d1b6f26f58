import { describe, expect, it } from 'vitest';
import { portInCode, portInCommand } from '../../src/detect/stack.js';
import { detectFiles, json } from './helpers.js';

describe('port detection in code', () => {
  it.each([
    ['app.listen(3000)', 3000, 'listen(3000)'],
    ['const port = process.env.PORT || 8080;', 8080, 'PORT defaults to 8080'],
    ['const port = Number(process.env.PORT) ?? 4000', 4000, 'PORT defaults to 4000'],
    ['port = int(os.environ.get("PORT", 5000))', 5000, 'PORT defaults to 5000'],
    ['port = os.getenv("PORT", default="7000")', 7000, 'PORT defaults to 7000'],
    ['app.run(host="0.0.0.0", port=5001)', 5001, 'run(port=5001)'],
    ['uvicorn.run(app, host="0.0.0.0", port=8001)', 8001, 'run(port=8001)'],
    ['log.Fatal(http.ListenAndServe(":9000", nil))', 9000, 'ListenAndServe(":9000")'],
    ['r.Run(":8081")', 8081, 'listens on ":8081"'],
    ['srv := &http.Server{Addr: ":8443"}', 8443, 'Addr ":8443"'],
    ['HttpServer::new(f).bind(("0.0.0.0", 8088))?', 8088, 'bind(("...", 8088))'],
    ['let addr = SocketAddr::from(([0, 0, 0, 0], 3001));', 3001, 'SocketAddr port 3001'],
    ['HTTPServer(("", 8000), Handler).serve_forever()', 8000, 'server address ("", 8000)'],
    ["socketserver.ThreadingTCPServer(('0.0.0.0', 8081), Handler)", 8081, 'server address ("", 8081)'],
    ["with make_server('', 8051, app) as httpd:", 8051, 'make_server("", 8051)'],
    ['Deno.serve({ port: 8787 }, handler)', 8787, 'Deno.serve({ port: 8787 })'],
    ['fastify.listen({ port: 4000, host: "0.0.0.0" })', 4000, 'port 4000'],
  ])('%s', (code, port, fact) => {
    expect(portInCode(code)).toEqual({ port, fact });
  });

  it('ignores database client ports and code without a port', () => {
    expect(portInCode('const db = new Pool({ host: "db", port: 5432 })')).toBeNull();
    expect(portInCode('console.log("hello")')).toBeNull();
  });

  it.each([
    ['gunicorn app:app --bind 0.0.0.0:8000', 8000],
    ['bundle exec puma -p 9292', 9292],
    ['next start --port=4000', 4000],
    ['uvicorn main:app --port 8080', 8080],
    ['node server.js', null],
  ])('a port on a command line: %s', (command, port) => {
    expect(portInCommand(command)).toBe(port);
  });
});

describe('commands', () => {
  it('a Procfile web process is the start command and names the port', () => {
    const d = detectFiles({ 'requirements.txt': 'gunicorn\nflask\n', Procfile: 'release: python migrate.py\nweb: gunicorn app:app --bind 0.0.0.0:7000\n', 'app.py': 'app = Flask(__name__)' });
    expect(d).toMatchObject({ start: 'gunicorn app:app --bind 0.0.0.0:7000', port: 7000 });
    expect(d.evidence).toContainEqual({ file: 'Procfile', fact: 'web: gunicorn app:app --bind 0.0.0.0:7000' });
  });

  it('a static-site framework has no start command, even with a dev-server start script', () => {
    expect(detectFiles({ 'package.json': json({ scripts: { dev: 'vite', build: 'vite build' }, devDependencies: { vite: '5' } }), 'src/main.js': '' })).toMatchObject({ framework: 'vite', build: 'npm run build', start: null, port: null });
    expect(detectFiles({ 'package.json': json({ scripts: { start: 'react-scripts start', build: 'react-scripts build' }, dependencies: { 'react-scripts': '5' } }) })).toMatchObject({ framework: 'cra', start: null });
  });

  it('uses the start script directly when it is a plain node command, else through the package manager', () => {
    expect(detectFiles({ 'package.json': json({ scripts: { start: 'node --enable-source-maps dist/index.js' } }) }).start).toBe('node --enable-source-maps dist/index.js');
    expect(detectFiles({ 'package.json': json({ scripts: { start: 'node a.js && node b.js' } }), 'yarn.lock': '' }).start).toBe('yarn start');
  });

  it('reads PORT=... from the start script', () => {
    expect(detectFiles({ 'package.json': json({ scripts: { start: 'PORT=5050 node server.js' } }) }).port).toBe(5050);
  });

  it('runs the default-run binary of a crate', () => {
    expect(detectFiles({ 'Cargo.toml': '[package]\nname = "tools"\ndefault-run = "serve"\n', 'src/main.rs': '' }).start).toBe('./target/release/serve');
  });

  it('builds the only main package of a Go module and warns when there are several', () => {
    const d = detectFiles({ 'go.mod': 'module example.com/app\ngo 1.23\n', 'cmd/api/main.go': 'package main', 'cmd/worker/main.go': 'package main' });
    expect(d.build).toBe('CGO_ENABLED=0 go build -trimpath -ldflags="-s -w" -o app ./cmd/api');
    expect(d.warnings).toContainEqual(expect.stringContaining('2 main packages (./cmd/api, ./cmd/worker); using ./cmd/api'));
  });
});
