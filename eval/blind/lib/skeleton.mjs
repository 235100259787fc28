// Starting trees for the cases' repositories: a few real-looking files per stack, so that a
// change lands among files that exist, as in a real service.
import {lines} from './git.mjs'

export const people = {
  ana: 'Ana Souza <ana.souza@example.com>',
  ben: 'Ben Okafor <ben.okafor@example.com>',
  chen: 'Chen Wei <chen.wei@example.com>',
  dana: 'Dana Kowalski <dana.k@example.com>',
  eli: 'Eli Haddad <eli.haddad@example.com>',
  fay: 'Fay Nguyen <fay.nguyen@example.com>',
  bot: 'renovate[bot] <29139614+renovate[bot]@users.noreply.github.com>',
  merge: 'GitHub <noreply@github.com>',
}

export function goService(mod) {
  return {
    'go.mod': `module ${mod}\n\ngo 1.21\n\nrequire (\n\tgithub.com/go-chi/chi/v5 v5.0.10\n\tgithub.com/jackc/pgx/v5 v5.4.3\n\tgo.uber.org/zap v1.26.0\n)\n`,
    'cmd/server/main.go': `package main\n\nimport (\n\t"log"\n\t"net/http"\n\n\t"${mod}/internal/api"\n)\n\nfunc main() {\n\tr := api.Router()\n\tlog.Printf("listening on :8080")\n\tlog.Fatal(http.ListenAndServe(":8080", r))\n}\n`,
    'internal/api/router.go': `package api\n\nimport "github.com/go-chi/chi/v5"\n\nfunc Router() *chi.Mux {\n\tr := chi.NewRouter()\n\tr.Get("/healthz", health)\n\treturn r\n}\n`,
    'internal/api/health.go': `package api\n\nimport "net/http"\n\nfunc health(w http.ResponseWriter, _ *http.Request) { w.WriteHeader(http.StatusOK) }\n`,
    'README.md': `# ${mod.split('/').pop()}\n\nService code, deploy with \`make deploy\`.\n`,
    'Makefile': 'build:\n\tgo build ./...\n\ntest:\n\tgo test ./...\n',
  }
}

export function javaService(pkg, artifact) {
  const path = pkg.replaceAll('.', '/')
  return {
    'pom.xml': `<project>\n  <modelVersion>4.0.0</modelVersion>\n  <groupId>${pkg}</groupId>\n  <artifactId>${artifact}</artifactId>\n  <version>1.0.0</version>\n  <parent>\n    <groupId>org.springframework.boot</groupId>\n    <artifactId>spring-boot-starter-parent</artifactId>\n    <version>2.7.9</version>\n  </parent>\n  <dependencies>\n    <dependency>\n      <groupId>org.springframework.boot</groupId>\n      <artifactId>spring-boot-starter-web</artifactId>\n    </dependency>\n    <dependency>\n      <groupId>org.springframework.boot</groupId>\n      <artifactId>spring-boot-starter-jdbc</artifactId>\n    </dependency>\n  </dependencies>\n</project>\n`,
    [`src/main/java/${path}/Application.java`]: `package ${pkg};\n\nimport org.springframework.boot.SpringApplication;\nimport org.springframework.boot.autoconfigure.SpringBootApplication;\n\n@SpringBootApplication\npublic class Application {\n    public static void main(String[] args) {\n        SpringApplication.run(Application.class, args);\n    }\n}\n`,
    'src/main/resources/application.yml': `server:\n  port: 8080\nspring:\n  datasource:\n    url: jdbc:postgresql://db-primary:5432/app\n    hikari:\n      maximum-pool-size: 40\n      connection-timeout: 30000\n`,
    'README.md': `# ${artifact}\n\nSpring Boot service.\n`,
  }
}

export function pythonService(name) {
  return {
    'requirements.txt': 'Django==4.2.7\ndjangorestframework==3.14.0\ngunicorn==21.2.0\npsycopg2-binary==2.9.9\nrequests==2.31.0\nurllib3==1.26.18\nboto3==1.28.57\n',
    [`${name}/__init__.py`]: '',
    [`${name}/settings.py`]: `DEBUG = False\nALLOWED_HOSTS = ["*"]\nINSTALLED_APPS = ["rest_framework", "${name}"]\nLOGGING = {"version": 1, "handlers": {"console": {"class": "logging.StreamHandler"}}, "root": {"handlers": ["console"], "level": "INFO"}}\n`,
    [`${name}/urls.py`]: `from django.urls import path\nfrom . import views\n\nurlpatterns = [path("healthz", views.health)]\n`,
    [`${name}/views.py`]: `from django.http import JsonResponse\n\n\ndef health(request):\n    return JsonResponse({"ok": True})\n`,
    'README.md': `# ${name}\n\nDjango service.\n`,
  }
}

export function nodeService(name) {
  return {
    'package.json': JSON.stringify({name, version: '1.0.0', type: 'commonjs', main: 'src/server.js', dependencies: {express: '^4.18.2', pg: '^8.11.3', redis: '^3.1.2'}}, null, 2) + '\n',
    'src/server.js': `const express = require('express')\nconst app = express()\napp.use(express.json())\napp.get('/healthz', (req, res) => res.json({ok: true}))\nrequire('./routes')(app)\napp.listen(process.env.PORT || 3000, () => console.log('listening on', process.env.PORT || 3000))\n`,
    'src/routes/index.js': `module.exports = (app) => {\n  app.use('/api/profile', require('./profile'))\n}\n`,
    'src/routes/profile.js': `const router = require('express').Router()\nconst db = require('../db')\n\nrouter.get('/:id', async (req, res) => {\n  const user = await db.findUser(req.params.id)\n  res.json({id: user.id, name: user.name})\n})\n\nmodule.exports = router\n`,
    'src/db.js': `const {Pool} = require('pg')\nconst pool = new Pool({max: 20})\nmodule.exports = {findUser: async (id) => (await pool.query('select * from users where id = $1', [id])).rows[0]}\n`,
    'README.md': `# ${name}\n\nNode service.\n`,
  }
}

export const docs = (title, n = 12) => `# ${title}\n\n` + lines(n, (i) => `- step ${i + 1}: ${['check the dashboard', 'page the owning team', 'open a channel', 'write the timeline', 'roll back if a change is suspect', 'confirm recovery'][i % 6]}`)
