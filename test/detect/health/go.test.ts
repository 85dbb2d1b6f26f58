import { describe, expect, it } from 'vitest';
import { go, healthLine } from './helpers.js';

const main = (body: string) => `package main\n\nimport "net/http"\n\nfunc main() {\n${body}\n}\n`;

describe('health routes in Go: net/http, gorilla/mux, chi, gin, echo', () => {
  it('finds http.HandleFunc and a ServeMux route, with the line', () => {
    const d = go({ 'main.go': main('\thttp.HandleFunc("/healthz", func(w http.ResponseWriter, r *http.Request) { w.Write([]byte("ok")) })\n\thttp.ListenAndServe(":8080", nil)') });
    expect(d.healthcheck).toBe('/healthz');
    expect(healthLine(d)).toBe('main.go:6: health route http.HandleFunc("/healthz")');
    expect(go({ 'main.go': main('\tmux := http.NewServeMux()\n\tmux.HandleFunc("GET /health", health)\n\tmux.Handle("/ping", pingHandler{})') }).healthcheck).toBe('/health');
  });

  it('finds gin and echo routes, and adds group prefixes', () => {
    const gin = go({ 'main.go': 'package main\n\nfunc main() {\n\tr := gin.Default()\n\tr.GET("/ping", func(c *gin.Context) { c.String(200, "pong") })\n\tr.Run()\n}\n' }, 'require github.com/gin-gonic/gin v1.10.0\n');
    expect(gin.healthcheck).toBe('/ping');
    const group = go({ 'main.go': 'package main\n\nfunc main() {\n\tr := gin.New()\n\tv1 := r.Group("/v1")\n\tops := v1.Group("/ops")\n\tops.GET("/health", health)\n}\n' });
    expect(group.healthcheck).toBe('/v1/ops/health');
    expect(healthLine(group)).toBe('main.go:7: health route ops.GET("/health") (group /v1/ops in main.go:6)');
    expect(go({ 'server.go': 'package main\n\nfunc main() {\n\te := echo.New()\n\te.GET("/healthz", func(c echo.Context) error { return c.String(200, "ok") })\n}\n' }).healthcheck).toBe('/healthz');
  });

  it('finds chi routes on a known router, inside Route() under its prefix, and gorilla routes limited to GET', () => {
    expect(go({ 'main.go': 'package main\n\nfunc main() {\n\tr := chi.NewRouter()\n\tr.Get("/health", health)\n}\n' }).healthcheck).toBe('/health');
    const scoped = go({ 'main.go': 'package main\n\nfunc main() {\n\tr := chi.NewRouter()\n\tr.Route("/api", func(r chi.Router) {\n\t\tr.Get("/ready", ready)\n\t})\n}\n' });
    expect(scoped.healthcheck).toBe('/api/ready');
    // outside the closure the same name is the root router again
    expect(go({ 'main.go': 'package main\n\nfunc main() {\n\tr := chi.NewRouter()\n\tr.Route("/api", func(r chi.Router) {\n\t\tr.Get("/users", users)\n\t})\n\tr.Get("/healthz", healthz)\n}\n' }).healthcheck).toBe('/healthz');
    expect(go({ 'main.go': 'package main\n\nfunc main() {\n\tr := mux.NewRouter()\n\tr.HandleFunc("/health", health).Methods("GET", "HEAD")\n}\n' }).healthcheck).toBe('/health');
    expect(go({ 'main.go': 'package main\n\nfunc main() {\n\tr := mux.NewRouter()\n\tapi := r.PathPrefix("/api").Subrouter()\n\tapi.HandleFunc("/livez", live)\n}\n' }).healthcheck).toBe('/api/livez');
  });

  it('finds a handler comparing r.URL.Path, and a route on a router a function is given', () => {
    expect(go({ 'main.go': main('\thttp.ListenAndServe(":8080", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {\n\t\tif r.URL.Path == "/healthz" {\n\t\t\treturn\n\t\t}\n\t}))') }).healthcheck).toBe('/healthz');
    expect(go({ 'routes.go': 'package main\n\nfunc routes(e *gin.Engine) {\n\te.GET("/health", health)\n}\n' }).healthcheck).toBe('/health');
  });

  it('does not find a commented-out route, a path parameter or a POST-only route', () => {
    expect(go({ 'main.go': main('\t// http.HandleFunc("/healthz", h)\n\t/* r.GET("/health", h) */') }).healthcheck).toBeNull();
    expect(go({ 'main.go': main('\tr := gin.New()\n\tr.GET("/health/:name", h)\n\thttp.HandleFunc("/healthz/{id}", h)') }).healthcheck).toBeNull();
    expect(go({ 'main.go': main('\tmux := http.NewServeMux()\n\tmux.HandleFunc("POST /healthz", h)\n\tr.HandleFunc("/health", h).Methods("POST")\n\tr.POST("/ping", h)') }).healthcheck).toBeNull();
  });

  it('does not guess the path of a group it cannot follow, nor take an HTTP client call', () => {
    const d = go({
      'main.go': 'package main\n\nfunc main() {\n\tr := gin.New()\n\tregister(r.Group("/api"))\n}\n',
      'routes.go': 'package main\n\nfunc register(g *gin.RouterGroup) {\n\tg.GET("/health", health)\n}\n',
    });
    expect(d.healthcheck).toBeNull();
    expect(go({ 'main.go': main('\tresp, err := client.Get("/health")\n\t_ = resp') }).healthcheck).toBeNull();
    expect(go({ 'main.go': main(''), 'main_test.go': 'package main\nfunc TestX() { http.HandleFunc("/healthz", h) }\n' }).healthcheck).toBeNull();
  });
});
