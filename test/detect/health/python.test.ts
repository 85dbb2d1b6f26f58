import { describe, expect, it } from 'vitest';
import { healthLine, python } from './helpers.js';

describe('health routes in Flask, FastAPI, Starlette and http.server', () => {
  it('finds @app.route and @app.get, with the line', () => {
    const d = python({ 'app.py': "from flask import Flask\n\napp = Flask(__name__)\n\n@app.route('/health')\ndef health():\n    return 'ok'\n" });
    expect(d.healthcheck).toBe('/health');
    expect(healthLine(d)).toBe("app.py:5: health route @app.route('/health')");
    expect(python({ 'main.py': 'from fastapi import FastAPI\napp = FastAPI()\n\n@app.get("/healthz")\nasync def healthz():\n    return {"ok": True}\n' }, 'fastapi\nuvicorn\n').healthcheck).toBe('/healthz');
    expect(python({ 'app.py': "app = Flask(__name__)\n@app.route('/ping', methods=['GET', 'HEAD'])\ndef ping(): return 'pong'\n" }).healthcheck).toBe('/ping');
    expect(python({ 'app.py': "app = Flask(__name__)\napp.add_url_rule('/ready', view_func=ready)\n" }).healthcheck).toBe('/ready');
  });

  it('adds blueprint prefixes; a prefix given at registration replaces the blueprint own', () => {
    const own = python({
      'app/__init__.py': "from flask import Flask\nfrom .ops import bp as ops_bp\n\ndef create_app():\n    app = Flask(__name__)\n    app.register_blueprint(ops_bp)\n    return app\n",
      'app/ops.py': "from flask import Blueprint\nbp = Blueprint('ops', __name__, url_prefix='/ops')\n\n@bp.route('/health')\ndef health():\n    return 'ok'\n",
    });
    expect(own.healthcheck).toBe('/ops/health');
    expect(healthLine(own)).toBe("app/ops.py:4: health route @bp.route('/health') (registered at /ops in app/__init__.py:6)");
    const replaced = python({
      'app.py': "from flask import Flask\nfrom views import ops\napp = Flask(__name__)\napp.register_blueprint(ops, url_prefix='/internal')\n",
      'views.py': "ops = Blueprint('ops', __name__, url_prefix='/ops')\n@ops.get('/healthz')\ndef healthz(): return 'ok'\n",
    });
    expect(replaced.healthcheck).toBe('/internal/healthz');
  });

  it('adds APIRouter prefixes, its own and the one include_router gives', () => {
    const d = python(
      {
        'app/main.py': "from fastapi import FastAPI\nfrom app.routers import health\n\napp = FastAPI()\napp.include_router(health.router, prefix='/api')\n",
        'app/routers/__init__.py': '',
        'app/routers/health.py': "from fastapi import APIRouter\n\nrouter = APIRouter(prefix='/ops', tags=['ops'])\n\n@router.get('/health')\ndef health():\n    return {'status': 'ok'}\n",
      },
      'fastapi\n',
    );
    expect(d.healthcheck).toBe('/api/ops/health');
  });

  it('finds Flask-RESTful resources and flask-restx namespaces', () => {
    expect(python({ 'app.py': "app = Flask(__name__)\napi = Api(app)\napi.add_resource(Health, '/health')\n" }).healthcheck).toBe('/health');
    expect(python({ 'app.py': "app = Flask(__name__)\napi = Api(app)\nns = Namespace('system')\n@ns.route('/ping')\nclass Ping(Resource):\n    def get(self): return 'pong'\napi.add_namespace(ns)\n" }).healthcheck).toBe('/system/ping');
  });

  it("finds Starlette's Route under a Mount, and http.server handlers comparing self.path", () => {
    expect(python({ 'app.py': "app = Starlette(routes=[\n    Mount('/api', routes=[Route('/health', health)]),\n])\n" }, 'starlette\n').healthcheck).toBe('/api/health');
    const stdlib = python({ 'server.py': "class Handler(BaseHTTPRequestHandler):\n    def do_POST(self):\n        if self.path == '/ready':\n            pass\n\n    def do_GET(self):\n        if self.path == '/healthz':\n            self.send_response(200)\n" }, '');
    expect(stdlib.healthcheck).toBe('/healthz');
    expect(healthLine(stdlib)).toBe("server.py:7: health route self.path == '/healthz'");
  });

  it('does not find a commented-out route, a docstring, a path parameter or a POST-only route', () => {
    expect(python({ 'app.py': "app = Flask(__name__)\n# @app.route('/health')\ndef f():\n    \"\"\"Example:\n    @app.get('/healthz')\n    \"\"\"\n" }).healthcheck).toBeNull();
    expect(python({ 'app.py': "app = Flask(__name__)\n@app.route('/health/<name>')\ndef one(name): pass\n@app.get('/healthz/{name}')\ndef two(name): pass\n" }).healthcheck).toBeNull();
    expect(python({ 'app.py': "app = Flask(__name__)\n@app.route('/health', methods=['POST'])\ndef one(): pass\n@app.post('/healthz')\ndef two(): pass\nrequests.get('/ping')\n" }).healthcheck).toBeNull();
  });

  it('does not guess the path of a router included under a prefix it cannot follow', () => {
    const d = python(
      {
        'main.py': "from fastapi import FastAPI\nfrom somewhere.api import router as api_router\napp = FastAPI()\napp.include_router(api_router, prefix='/api')\n",
        'routes.py': "router = APIRouter()\n@router.get('/health')\ndef health(): return 'ok'\n",
      },
      'fastapi\n',
    );
    expect(d.healthcheck).toBeNull();
  });
});

describe('health routes in Django urls.py', () => {
  const django = (files: Record<string, string>) => python({ 'manage.py': '', 'site/settings.py': "ROOT_URLCONF = 'site.urls'\n", 'site/wsgi.py': '', ...files }, 'django\ngunicorn\n');

  it('finds path() in the root URLconf, with the leading slash added', () => {
    const d = django({ 'site/urls.py': "from django.urls import path\nfrom . import views\n\nurlpatterns = [\n    path('admin/', admin.site.urls),\n    path('healthz/', views.healthz),\n]\n" });
    expect(d.healthcheck).toBe('/healthz/');
    expect(healthLine(d)).toBe("site/urls.py:6: health route path('healthz/')");
  });

  it('follows include() prefixes and simple re_path patterns', () => {
    const d = django({
      'site/urls.py': "urlpatterns = [\n    path('api/', include('api.urls')),\n]\n",
      'api/urls.py': "urlpatterns = [\n    re_path(r'^ping/?$', views.ping),\n]\n",
    });
    expect(d.healthcheck).toBe('/api/ping/');
  });

  it('takes django-health-check wherever it is included', () => {
    expect(django({ 'site/urls.py': "urlpatterns = [\n    path('ht/', include('health_check.urls')),\n]\n" }).healthcheck).toBe('/ht/');
  });

  it('does not find a path with a converter, a complex regex, or a urls.py the root does not include', () => {
    expect(django({ 'site/urls.py': "urlpatterns = [\n    path('health/<str:check>/', views.one),\n    re_path(r'^healthz/(?P<x>\\w+)$', views.two),\n]\n" }).healthcheck).toBeNull();
    expect(django({ 'site/urls.py': 'urlpatterns = []\n', 'old/urls.py': "urlpatterns = [path('health/', views.health)]\n" }).healthcheck).toBeNull();
  });
});
