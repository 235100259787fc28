import {rng, every, at, writeEvents, writeJsonl, fmt, minutesSince, out} from '../../lib/gen.mjs'
import {buildRepo} from '../../lib/git.mjs'
import {execFileSync} from 'node:child_process'
import {people} from '../../lib/skeleton.mjs'
const dir = process.argv[2]
const r = rng(20220914)
const migrate = '2022-09-14T16:21:05Z'
const rl = (d, sev, msg) => `${sev[0]}, [${fmt.iso(d).replace('Z', '')}${r.int(100, 999)} #${r.int(100, 999)}] ${sev.padStart(5)} -- : [${r.hex(8)}-${r.hex(4)}] ${msg}`
const logs = [
  ...every(r, '2022-09-14T15:40:00Z', '2022-09-14T16:50:00Z', 900, (d) => {
    if (minutesSince(d, migrate) > 0 && r.chance(minutesSince(d, migrate) < 12 ? 0.5 : 0.2)) return [
      rl(d, 'ERROR', 'ActiveRecord::StatementInvalid (PG::UndefinedColumn: ERROR:  column users.login does not exist'),
      `LINE 1: SELECT "users".* FROM "users" WHERE "users"."login" = $1 LIMIT $2`,
      '                                            ^',
      '):',
      "app/controllers/sessions_controller.rb:12:in `create'",
    ]
    return rl(d, 'INFO', `Completed 200 OK in ${r.int(20, 200)}ms (Views: ${r.int(5, 40)}.0ms | ActiveRecord: ${r.int(2, 30)}.0ms | Allocations: ${r.int(3000, 20000)})`)
  }),
  at('2022-09-14T16:21:04Z', rl(new Date('2022-09-14T16:21:04Z'), 'INFO', '== 20220914155000 RenameUsersLoginToUsername: migrating ========================')),
  at(migrate, rl(new Date(migrate), 'INFO', '-- rename_column(:users, :login, :username)')),
  at('2022-09-14T16:21:06Z', rl(new Date('2022-09-14T16:21:06Z'), 'INFO', '== 20220914155000 RenameUsersLoginToUsername: migrated (0.0712s) ===============')),
]
writeEvents(out(dir, 'logs/production.log'), logs)
const repo = buildRepo(out(dir, 'repo'), [
  {subject: 'accounts: users and sessions', author: people.ana, at: '2022-01-10T10:00:00Z', files: {'db/migrate/20220110100000_create_users.rb': 'class CreateUsers < ActiveRecord::Migration[7.0]\n  def change\n    create_table :users do |t|\n      t.string :login, null: false, index: {unique: true}\n      t.string :password_digest\n      t.timestamps\n    end\n  end\nend\n', 'app/controllers/sessions_controller.rb': 'class SessionsController < ApplicationController\n  def create\n    user = User.find_by(login: params[:login])\n    head(user&.authenticate(params[:password]) ? :ok : :unauthorized)\n  end\nend\n', 'app/jobs/digest_job.rb': 'class DigestJob < ApplicationJob\n  def perform(login)\n    User.find_by(login: login)&.send_digest\n  end\nend\n'}},
  {subject: 'Profile page: larger avatar on retina screens', author: people.fay, at: '2022-09-14T14:10:00Z', files: {'app/assets/stylesheets/profile.css': '.avatar { width: 96px; height: 96px; }\n'}},
  {subject: 'Rename users.login to users.username', author: people.chen, at: '2022-09-14T15:50:00Z', files: {'db/migrate/20220914155000_rename_users_login_to_username.rb': 'class RenameUsersLoginToUsername < ActiveRecord::Migration[7.0]\n  def change\n    rename_column :users, :login, :username\n  end\nend\n', 'app/controllers/sessions_controller.rb': 'class SessionsController < ApplicationController\n  def create\n    user = User.find_by(username: params[:login])\n    head(user&.authenticate(params[:password]) ? :ok : :unauthorized)\n  end\nend\n'}},
])
const sha = (s) => execFileSync('git', ['log', '--format=%H %s'], {cwd: repo, encoding: 'utf8'}).split('\n').find((l) => l.endsWith(' ' + s)).split(' ')[0]
writeJsonl(out(dir, 'deploys.jsonl'), [
  {time: '2022-09-14T14:30:00Z', service: 'mailer', version: 'v812', sha: 'e91f0aa', kind: 'deploy', description: 'mailer v812: digest template tweaks'},
  {time: '2022-09-14T16:20:30Z', service: 'accounts', version: 'v1419', sha: sha('Rename users.login to users.username'), kind: 'deploy', description: 'accounts v1419 (runs db:migrate)'},
])
